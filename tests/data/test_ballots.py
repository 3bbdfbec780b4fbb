"""data/ballots.py: rounds, candidates, the two entries of the counts, reports and next rounds."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest

from data import audit, awards, ballots, meetings, nominations, rules, units
from data.db import Database
from data.errors import InputError
from data.meeting_model import BallotCount, EntryStatus, Meeting, MeetingKind, Outcome, Purpose
from data.model import Membership, RuleSet, Unit
from tests.data.test_meetings import held_meeting


def form_id(db: Database, code: str = "BK_TINH") -> int:
    awards.seed_award_forms(db)
    return awards.form_by_code(db, code).id


def typed(db: Database, round_id: int, counts: tuple[int, int, int, int],
          votes: dict[int, object], entries: Sequence[int] = (1, 2)) -> None:
    """Type the same counts as entry 1 and 2 (both must be accepted)."""
    issued, received, valid, invalid = counts
    for entry in entries:
        assert ballots.save_count(db, round_id, entry, issued=issued, received=received,
                                  valid=valid, invalid=invalid, votes=votes) == []


def voting(db: Database, make_unit: Callable[..., Unit], members: int = 5,
           absent: Sequence[int] = ()) -> tuple[Meeting, list[int], int]:
    meeting, ids = held_meeting(db, make_unit, members, absent)
    return meeting, ids, form_id(db)


def test_rounds_are_numbered_and_limited(empty_bloc: Database,
                                         make_unit: Callable[..., Unit]) -> None:
    meeting, ids, form = voting(empty_bloc, make_unit)
    first = ballots.add_round(empty_bloc, meeting.id, Purpose.AWARD, ids[:3],
                              award_form_id=form, choices=2, seats=2, note=" vòng  đầu ")
    assert (first.round_no, first.candidates, first.choices, first.seats, first.note) == (
        1, tuple(ids[:3]), 2, 2, "vòng đầu")
    head = ballots.add_round(empty_bloc, meeting.id, Purpose.HEAD, ids[:2])
    second = ballots.add_round(empty_bloc, meeting.id, Purpose.AWARD, ids[2:3],
                               award_form_id=form)
    assert (head.round_no, second.round_no) == (1, 2)
    assert [r.id for r in ballots.rounds(empty_bloc, meeting.id)] == [first.id, second.id,
                                                                        head.id]
    with pytest.raises(InputError, match=r"Đã bỏ phiếu đủ 2 vòng .*Trưởng khối và các Phó khối"):
        ballots.add_round(empty_bloc, meeting.id, Purpose.AWARD, ids[:1], award_form_id=form)
    assert audit.entries(empty_bloc, "ballot_round")[0].detail["round_no"] == 2


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"candidates": []}, "ít nhất một đơn vị"),
    ({"candidates": [0, 0]}, "có tên hai lần"),
    ({"seats": 3}, r"Số cần bầu \(3\) .* \(2\)"),
    ({"choices": 0}, "phải từ 1 đến số đơn vị"),
    ({"form": None}, "cần chọn hình thức khen thưởng"),
])
def test_round_refusals(empty_bloc: Database, make_unit: Callable[..., Unit],
                        kwargs: dict[str, object], message: str) -> None:
    meeting, ids, form = voting(empty_bloc, make_unit)
    candidates = kwargs.get("candidates", ids[:2])
    if candidates == [0, 0]:
        candidates = [ids[0], ids[0]]
    with pytest.raises(InputError, match=message):
        ballots.add_round(empty_bloc, meeting.id, Purpose.AWARD, candidates,  # type: ignore[arg-type]
                          award_form_id=kwargs.get("form", form),  # type: ignore[arg-type]
                          choices=kwargs.get("choices", 1),  # type: ignore[arg-type]
                          seats=kwargs.get("seats", 1))  # type: ignore[arg-type]
    assert ballots.rounds(empty_bloc, meeting.id) == []


def test_blocked_unit_cannot_be_an_award_candidate(empty_bloc: Database,
                                                   make_unit: Callable[..., Unit]) -> None:
    meeting, ids, form = voting(empty_bloc, make_unit)
    units.save_membership(empty_bloc, Membership(2025, ids[1], complaint=True,
                                                 eligibility_note="Đơn thư tháng 10/2025"))
    with pytest.raises(InputError, match=r"khiếu nại \(Đơn thư tháng 10/2025\): không được đề "
                                         r"nghị khen thưởng \(Nghị định 152/2025/NĐ-CP"):
        ballots.add_round(empty_bloc, meeting.id, Purpose.AWARD, ids[:2], award_form_id=form)
    # electing officers is not an award: the block does not apply
    assert ballots.add_round(empty_bloc, meeting.id, Purpose.DEPUTY, ids[:2]).candidates == \
        tuple(ids[:2])
    outsider = make_unit(year=None)
    with pytest.raises(InputError, match="không là thành viên khối năm 2025"):
        ballots.add_round(empty_bloc, meeting.id, Purpose.HEAD, [outsider.id])


def test_a_count_with_problems_is_not_stored(empty_bloc: Database,
                                             make_unit: Callable[..., Unit]) -> None:
    meeting, ids, form = voting(empty_bloc, make_unit, absent=(4,))  # 4 of 5 present
    r = ballots.add_round(empty_bloc, meeting.id, Purpose.AWARD, ids[:2], award_form_id=form,
                          choices=1)
    problems = ballots.save_count(empty_bloc, r.id, 1, issued=5, received="5", valid="bốn",
                                  invalid=1, votes={ids[0]: 3, ids[1]: "1,5"})
    # numbers that cannot be read are reported first, alone
    assert [(p.field, p.unit_id, p.message) for p in problems] == [
        ("valid", None, "Số phiếu hợp lệ: “bốn” không phải là số."),
        ("votes", ids[1], "Số phiếu bầu: “1,5” không phải là số nguyên.")]
    problems = ballots.save_count(empty_bloc, r.id, 1, issued=5, received="5", valid="4",
                                  invalid=0, votes={ids[0]: 3, ids[1]: "2"})
    assert [(p.field, p.message) for p in problems] == [
        ("issued", "Số phiếu phát ra (5) nhiều hơn số đơn vị có mặt (4)."),
        ("invalid", "Số phiếu hợp lệ (4) cộng số phiếu không hợp lệ (0) bằng 4, khác số phiếu "
                    "thu vào (5)."),
        ("votes_total", "Tổng số phiếu bầu (5) nhiều hơn số phiếu hợp lệ nhân số đơn vị được "
                        "chọn trên mỗi phiếu (4 × 1 = 4).")]
    assert ballots.count_entries(empty_bloc, r.id) == []
    with pytest.raises(InputError, match="lần 1 hoặc lần 2"):
        ballots.save_count(empty_bloc, r.id, 3, issued=0, received=0, valid=0, invalid=0,
                           votes={})


def test_double_entry_match_and_mismatch(empty_bloc: Database,
                                         make_unit: Callable[..., Unit]) -> None:
    meeting, ids, form = voting(empty_bloc, make_unit)
    r = ballots.add_round(empty_bloc, meeting.id, Purpose.AWARD, ids[:3], award_form_id=form,
                          choices=2, seats=2)
    assert ballots.round_report(empty_bloc, r.id).status is EntryStatus.NONE
    typed(empty_bloc, r.id, (5, 5, 5, 0), {ids[0]: 5, ids[1]: 3, ids[2]: 2}, entries=(1,))
    assert ballots.round_report(empty_bloc, r.id).status is EntryStatus.ONE
    typed(empty_bloc, r.id, (5, 5, 5, 0), {ids[0]: 5, ids[1]: 2, ids[2]: 3}, entries=(2,))
    mismatch = ballots.round_report(empty_bloc, r.id)
    assert mismatch.status is EntryStatus.MISMATCH and mismatch.result is None
    assert [(m.unit_id, m.first, m.second) for m in mismatch.mismatches] == [
        (ids[1], 3, 2), (ids[2], 2, 3)]
    assert mismatch.mismatches[0].message == "Đơn vị thử số 2: lần 1 nhập 3, lần 2 nhập 2."
    typed(empty_bloc, r.id, (5, 5, 5, 0), {ids[0]: 5, ids[1]: 3, ids[2]: 2}, entries=(2,))
    agreed = ballots.round_report(empty_bloc, r.id)
    assert agreed.status is EntryStatus.AGREED
    assert agreed.agreed == BallotCount(5, 5, 5, 0, ((ids[0], 5), (ids[1], 3), (ids[2], 2)))
    assert agreed.result is not None
    # base = 5 members, > 50 %: 5/5 = 100 % and 3/5 = 60 % pass, 2/5 = 40 % fails
    assert [(c.votes, c.percent, c.passed, c.elected) for c in agreed.result.results] == [
        (5, 100.0, True, True), (3, 60.0, True, True), (2, 40.0, False, False)]
    assert agreed.result.outcome is Outcome.ELECTED
    ballots.clear_count(empty_bloc, r.id, 2)
    assert ballots.round_report(empty_bloc, r.id).status is EntryStatus.ONE


def test_attendance_changed_after_the_count(empty_bloc: Database,
                                            make_unit: Callable[..., Unit]) -> None:
    meeting, ids, form = voting(empty_bloc, make_unit, members=3)
    r = ballots.add_round(empty_bloc, meeting.id, Purpose.AWARD, ids[:1], award_form_id=form)
    typed(empty_bloc, r.id, (3, 3, 3, 0), {ids[0]: 3})
    empty_bloc.conn.execute("UPDATE attendance SET present = 0 WHERE unit_id = :u",
                            {"u": ids[2]})
    stale = ballots.round_report(empty_bloc, r.id)
    assert stale.status is EntryStatus.INVALID and stale.result is None
    assert stale.problems[0].message == "Số phiếu phát ra (3) nhiều hơn số đơn vị có mặt (2)."


def test_second_round_after_a_tie_then_officers_decide(
        empty_bloc: Database, make_unit: Callable[..., Unit]) -> None:
    meeting, ids, form = voting(empty_bloc, make_unit, members=6)
    first = ballots.add_round(empty_bloc, meeting.id, Purpose.AWARD, ids[:3],
                              award_form_id=form, choices=3, seats=2)
    with pytest.raises(InputError, match="chưa có kết quả kiểm phiếu thống nhất"):
        ballots.add_next_round(empty_bloc, first.id)
    # 6 members: 6/6 passes; 4 and 4 tie at the cut-off (both above 50 %)
    typed(empty_bloc, first.id, (6, 6, 6, 0), {ids[0]: 6, ids[1]: 4, ids[2]: 4})
    report = ballots.round_report(empty_bloc, first.id)
    assert report.result is not None and report.result.outcome is Outcome.FURTHER_ROUND
    second = ballots.add_next_round(empty_bloc, first.id)
    assert (second.round_no, second.candidates, second.seats, second.choices) == (
        2, (ids[1], ids[2]), 1, 1)
    assert second.note == "Bỏ phiếu vòng 2"
    typed(empty_bloc, second.id, (6, 6, 6, 0), {ids[1]: 3, ids[2]: 3})
    last = ballots.round_report(empty_bloc, second.id).result
    assert last is not None and last.outcome is Outcome.OFFICERS_DECIDE
    with pytest.raises(InputError, match="không cần bỏ phiếu thêm. Kết quả: Trưởng khối và "
                                         "các Phó khối quyết định"):
        ballots.add_next_round(empty_bloc, second.id)
    typed(empty_bloc, first.id, (6, 6, 6, 0), {ids[0]: 6, ids[1]: 5, ids[2]: 1})
    with pytest.raises(InputError, match="Kết quả: Đã bầu đủ số cần bầu"):
        ballots.add_next_round(empty_bloc, first.id)


def test_more_rounds_when_the_rule_set_allows(empty_bloc: Database,
                                              make_unit: Callable[..., Unit]) -> None:
    meeting, ids, form = voting(empty_bloc, make_unit)
    rules.save_rules(empty_bloc, RuleSet(year=2025, max_rounds=3))
    for number in (1, 2, 3):
        assert ballots.add_round(empty_bloc, meeting.id, Purpose.HEAD, ids[:2]).round_no == \
            number


def test_update_round_only_before_counting(empty_bloc: Database,
                                           make_unit: Callable[..., Unit]) -> None:
    meeting, ids, form = voting(empty_bloc, make_unit)
    r = ballots.add_round(empty_bloc, meeting.id, Purpose.AWARD, ids[:2], award_form_id=form)
    changed = ballots.update_round(empty_bloc, r.id, [ids[2], ids[0], ids[1]], choices=3,
                                   seats=2, note="Sửa")
    assert (changed.candidates, changed.choices, changed.seats, changed.note) == (
        (ids[2], ids[0], ids[1]), 3, 2, "Sửa")
    typed(empty_bloc, r.id, (5, 5, 5, 0), {ids[2]: 3, ids[0]: 3, ids[1]: 3}, entries=(1,))
    with pytest.raises(InputError, match="đã có kết quả kiểm phiếu"):
        ballots.update_round(empty_bloc, r.id, ids[:2], choices=1, seats=1)
    ballots.delete_round(empty_bloc, r.id)
    assert ballots.rounds(empty_bloc, meeting.id) == []
    assert empty_bloc.conn.execute("SELECT count(*) FROM ballot_votes").fetchone()[0] == 0
    with pytest.raises(InputError, match=f"Không có vòng bỏ phiếu mã số {r.id}"):
        ballots.get_round(empty_bloc, r.id)


def test_counts_need_the_attendance_first(empty_bloc: Database,
                                          make_unit: Callable[..., Unit]) -> None:
    ids = [make_unit().id for _ in range(3)]
    meeting = meetings.save_meeting(empty_bloc, Meeting(0, 2025, MeetingKind.YEAR_END))
    r = ballots.add_round(empty_bloc, meeting.id, Purpose.HEAD, ids[:1])
    problems = ballots.save_count(empty_bloc, r.id, 1, issued=3, received=3, valid=3, invalid=0,
                                  votes={ids[0]: 3})
    assert [p.message for p in problems] == [
        "Số phiếu phát ra (3) nhiều hơn số đơn vị có mặt (0): hãy điểm danh trước khi nhập kết "
        "quả."]


def test_who_typed_an_entry(empty_bloc: Database, make_unit: Callable[..., Unit]) -> None:
    meeting, ids, _form = voting(empty_bloc, make_unit, members=3)
    r = ballots.add_round(empty_bloc, meeting.id, Purpose.HEAD, ids[:1])
    assert ballots.save_count(empty_bloc, r.id, 1, issued=3, received=3, valid=3, invalid=0,
                              votes={ids[0]: 3}, entered_by="  Đào Thị  Minh Huệ ") == []
    assert ballots.save_count(empty_bloc, r.id, 2, issued=3, received=3, valid=3, invalid=0,
                              votes={ids[0]: 3}) == []
    first, second = ballots.count_entries(empty_bloc, r.id)
    assert first.entered_by == "Đào Thị Minh Huệ"
    assert second.entered_by == audit.actor()


def test_an_entry_taken_and_restored(empty_bloc: Database,
                                     make_unit: Callable[..., Unit]) -> None:
    meeting, ids, _form = voting(empty_bloc, make_unit, members=3)
    r = ballots.add_round(empty_bloc, meeting.id, Purpose.HEAD, ids[:2])
    nothing = ballots.take_count(empty_bloc, r.id, 1)
    assert nothing.count("ballot_counts") == 0
    typed(empty_bloc, r.id, (3, 3, 3, 0), {ids[0]: 2, ids[1]: 1}, entries=(1,))
    saved = ballots.take_count(empty_bloc, r.id, 1)
    before = ballots.count_entries(empty_bloc, r.id)
    assert (saved.count("ballot_counts"), saved.count("ballot_votes")) == (1, 2)
    typed(empty_bloc, r.id, (3, 3, 2, 1), {ids[0]: 1, ids[1]: 1}, entries=(1,))
    ballots.restore_count(empty_bloc, r.id, 1, saved)
    assert ballots.count_entries(empty_bloc, r.id) == before  # who and when included
    ballots.restore_count(empty_bloc, r.id, 1, nothing)
    assert ballots.count_entries(empty_bloc, r.id) == []


def test_a_deleted_round_comes_back_whole(empty_bloc: Database,
                                          make_unit: Callable[..., Unit]) -> None:
    meeting, ids, form = voting(empty_bloc, make_unit)
    r = ballots.add_round(empty_bloc, meeting.id, Purpose.AWARD, ids[:2], award_form_id=form,
                          choices=2, seats=2, note="Vòng đầu")
    typed(empty_bloc, r.id, (5, 5, 5, 0), {ids[0]: 5, ids[1]: 4})
    [first, second] = nominations.nominate_from_round(empty_bloc, r.id)
    report = ballots.round_report(empty_bloc, r.id)
    backup = ballots.backup_round(empty_bloc, r.id)
    ballots.delete_round(empty_bloc, r.id)
    assert nominations.get_nomination(empty_bloc, first.id).round_id is None
    back = ballots.restore_round(empty_bloc, backup)
    assert back == report.round
    assert ballots.round_report(empty_bloc, r.id) == report
    assert [n.round_id for n in nominations.nominations(empty_bloc, 2025)] == [r.id, r.id]
    assert second.id in backup.nominations


def test_the_further_round_is_made_once(empty_bloc: Database,
                                        make_unit: Callable[..., Unit]) -> None:
    meeting, ids, _form = voting(empty_bloc, make_unit, members=4)
    rules.save_rules(empty_bloc, RuleSet(year=2025, max_rounds=3))
    first = ballots.add_round(empty_bloc, meeting.id, Purpose.HEAD, ids[:2])
    typed(empty_bloc, first.id, (4, 4, 4, 0), {ids[0]: 2, ids[1]: 2})  # 50 %: nobody passes
    assert ballots.add_next_round(empty_bloc, first.id).round_no == 2
    with pytest.raises(InputError, match="Vòng 2 của nội dung này đã được tạo"):
        ballots.add_next_round(empty_bloc, first.id)
