import pytest

from storage.database import Database
from storage.errors import OwnerNotFound, UnknownAction
from storage.names import name_key
from storage.repository import PlanRepository

SPELLINGS = [
    ("Performance Management and Quality Assurance Subgroup",
     "Performance Management and Quality Assurance Subgroup"),
    ("Performance Management and Quality Assurance Group",
     "Performance Management and Quality Assurance Subgroup"),
    ("PMQAG", "Performance Management and Quality Assurance Subgroup"),
    ("pmqa", "Performance Management and Quality Assurance Subgroup"),
    ("Policies and Procedures Subgroup", "Policies and Procedures Subgroup"),
    ("Policy and Procedure Sub Group", "Policies and Procedures Subgroup"),
    ("policy", "Policies and Procedures Subgroup"),
    ("Case Review Subgroup", "Case Review Subgroup"),
    ("Case Review Group", "Case Review Subgroup"),
    ("case review", "Case Review Subgroup"),
    ("LSCB Triage Programme Board", "LSCB Triage Programme Board"),
    ("Triage Development Programme Board Group", "LSCB Triage Programme Board"),
    ("triage", "LSCB Triage Programme Board"),
    ("chair", "Chair"),
    ("CDOP", "Child Death Overview Panel"),
    ("l&i", "Learning and Improvement Subgroup"),
    ("cse/mfh", "CSE/MFH Subgroup"),
    ("senior manager", "LSCB Senior Manager"),
    ("  NEGLECT  ", "Neglect Subgroup"),
]


@pytest.mark.parametrize(("spelling", "owner"), SPELLINGS)
def test_every_spelling_resolves_to_one_owner(sample_database: Database, spelling: str,
                                               owner: str) -> None:
    with sample_database.committed() as session:
        assert PlanRepository.for_team(session).resolve_owner(spelling).name == owner


def test_an_ambiguous_abbreviation_lists_the_candidates(sample_database: Database) -> None:
    with sample_database.committed() as session, pytest.raises(OwnerNotFound) as caught:
        PlanRepository.for_team(session).resolve_owner("lscb")
    assert "Chair" in caught.value.candidates
    assert "LSCB Senior Manager" in caught.value.candidates
    assert "LSCB Senior Manager" in str(caught.value)


@pytest.mark.parametrize("query", ["fire brigade", "", "%", "_"])
def test_an_unknown_owner_is_an_error(sample_database: Database, query: str) -> None:
    with sample_database.committed() as session, pytest.raises(OwnerNotFound) as caught:
        PlanRepository.for_team(session).resolve_owner(query)
    assert caught.value.candidates == []


def test_name_keys_ignore_case_dashes_and_sub_group_spacing() -> None:
    assert name_key("Policy and Procedure Sub Group") == name_key("policy and procedure subgroup")
    assert name_key("Senior Manager – LSCB") == "senior manager lscb"


def test_a_huge_query_is_simply_not_found(sample_database: Database) -> None:
    huge = "<!date^1392734382^{date}|x>" * 2000
    with sample_database.committed() as session:
        repo = PlanRepository.for_team(session)
        with pytest.raises(OwnerNotFound):
            repo.resolve_owner(huge)
        with pytest.raises(UnknownAction):
            repo.action(huge)
