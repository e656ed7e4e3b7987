"""A damaged wizard draft is never lost: kept aside with a timestamp, the user told where (issue 14, item 1)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dpagen.errors import Interrupted, UsageError
from dpagen.wizard.session import Session, draft_path_for, find_draft, inspect_draft
from tests.test_wizard_flow import FRESH, Script

DAMAGED = {
    "empty": b"",
    "truncated": b'{"dpagen_wizard_draft": 1, "out": "desc.json", "answers": [["breach.notice',
    "not-json": b"\x00\x01garbage",
    "wrong-shape": json.dumps({"dpagen_wizard_draft": 1, "start": [1, 2], "answers": "x"}).encode(),
    "bad-answers": json.dumps({"dpagen_wizard_draft": 1, "start": {}, "answers": [[1, 2, 3]]}).encode(),
    "bad-start": json.dumps({"dpagen_wizard_draft": 1, "start": {"breach": {"notice_hours": "soon"}},
                             "answers": []}).encode(),
}


@pytest.mark.parametrize("content", DAMAGED.values(), ids=DAMAGED.keys())
def test_resume_tells_damaged_from_missing_and_keeps_the_draft(tmp_path: Path, content: bytes) -> None:
    out = tmp_path / "desc.json"
    draft = draft_path_for(out)
    draft.write_bytes(content)
    with pytest.raises(UsageError) as err:
        Session(Script(), out, None, True, "en")
    [kept] = tmp_path.glob("desc.draft.damaged-*.json")
    assert kept.read_bytes() == content  # nothing lost
    assert not draft.exists()
    assert f"the draft {draft} is damaged" in err.value.message and str(kept) in err.value.message
    assert err.value.details == [f"to fix it: correct {kept}, then continue with dpagen wizard --from {kept}"]
    assert "does not exist" not in err.value.render()


def test_a_fresh_run_keeps_the_damaged_draft_and_offers_to_start_fresh(tmp_path: Path) -> None:
    out = tmp_path / "desc.json"
    draft = draft_path_for(out)
    draft.write_bytes(DAMAGED["truncated"])
    script = Script(FRESH, interrupt_at="breach.notice_hours")
    with pytest.raises(Interrupted):
        Session(script, out, None, False, "fr").run()
    [kept] = tmp_path.glob("desc.draft.damaged-*.json")
    assert kept.read_bytes() == DAMAGED["truncated"]
    assert script.asked[0] == "session#fresh"
    assert any("endommagé" in line and str(kept) in line for line in script.said)
    assert inspect_draft(draft)[0] is not None  # the new session's own draft, beside the kept one


def test_declining_to_start_fresh_stops_and_says_how_to_fix(tmp_path: Path) -> None:
    out = tmp_path / "desc.json"
    draft_path_for(out).write_bytes(DAMAGED["empty"])
    with pytest.raises(Interrupted) as err:
        Session(Script({"session#fresh": False}), out, None, False, "en")
    [kept] = tmp_path.glob("desc.draft.damaged-*.json")
    assert str(kept) in err.value.render() and "--from" in err.value.render()
    assert not draft_path_for(out).exists()


def test_from_a_damaged_draft_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "kept.draft.json"
    path.write_bytes(DAMAGED["wrong-shape"])
    with pytest.raises(UsageError, match="is a damaged draft"):
        Session(Script(), None, path, False, "en")
    assert path.read_bytes() == DAMAGED["wrong-shape"]


def test_resume_without_out_finds_a_damaged_draft(tmp_path: Path) -> None:
    (tmp_path / "x.draft.json").write_bytes(DAMAGED["empty"])
    assert find_draft(tmp_path) == tmp_path / "x.draft.json"
    assert find_draft(tmp_path / "nowhere") is None
