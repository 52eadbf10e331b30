from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def first_code_lines(text: str) -> list[str]:
    blocks = text.split("```")
    return [line for block in blocks[1::2] for line in block.splitlines()[1:] if line.strip()]


def test_ci_runs_exactly_the_readme_test_command() -> None:
    readme = first_code_lines((ROOT / "README.md").read_text())
    ci = (ROOT / ".ci" / "run").read_text().splitlines()
    test_command = readme[1]
    assert "pytest" in test_command
    assert test_command in ci


def test_the_readme_opens_with_the_run_and_test_commands() -> None:
    readme = first_code_lines((ROOT / "README.md").read_text())
    assert readme[0].startswith("python3 -m venv .venv") and readme[0].endswith("lscb")
