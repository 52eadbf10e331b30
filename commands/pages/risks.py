"""Pages for the risk log."""

from __future__ import annotations

from commands.page import Bold, Line, Page, line
from commands.risks import ADD_USAGE, RiskEntry
from commands.text import day, plural


def risk_line(risk: RiskEntry) -> Line:
    return line(Bold(f"R{risk.number}"), f" {risk.text} · L{risk.likelihood}×I{risk.impact}=",
                Bold(str(risk.score)), f" · {risk.owner}" if risk.owner else "",
                f" · threatens {', '.join(risk.actions)}" if risk.actions else "",
                f" · raised {day(risk.raised)}")


def risk_added_page(risk: RiskEntry) -> Page:
    return Page().paragraph(
        f"Risk R{risk.number} logged: {risk.text} · L{risk.likelihood}×I{risk.impact}="
        f"{risk.score}", f" · threatens {', '.join(risk.actions)}" if risk.actions else "")


def risk_list_page(risks: list[RiskEntry]) -> Page:
    if not risks:
        return Page().paragraph("The risk log has no open risks. Add one: ", ADD_USAGE)
    return (Page().heading(f"Risk log: {plural(len(risks), 'open risk')}")
            .items(risks, risk_line, "/lscb report"))


def risk_closed_page(risk: RiskEntry) -> Page:
    return Page().paragraph(f"Risk R{risk.number} closed.")
