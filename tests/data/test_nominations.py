"""data/nominations.py: the nomination list made from passed rounds, edited and ordered."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from data import audit, awards, ballots, nominations, units
from data.db import Database
from data.errors import InputError
from data.meeting_model import Purpose
from data.model import Membership, Unit
from tests.data.test_ballots import typed, voting


def test_nominate_the_units_a_round_elected(empty_bloc: Database,
                                            make_unit: Callable[..., Unit]) -> None:
    meeting, ids, form = voting(empty_bloc, make_unit)
    r = ballots.add_round(empty_bloc, meeting.id, Purpose.AWARD, ids[:3], award_form_id=form,
                          choices=3, seats=3)
    with pytest.raises(InputError, match="chưa có kết quả kiểm phiếu thống nhất"):
        nominations.nominate_from_round(empty_bloc, r.id)
    # 5 members, > 50 %: 4 and 3 pass, 2 (40 %) does not
    typed(empty_bloc, r.id, (5, 5, 5, 0), {ids[0]: 3, ids[1]: 4, ids[2]: 2})
    made = nominations.nominate_from_round(empty_bloc, r.id)
    assert [(n.unit_id, n.award_form_id, n.round_id, n.position) for n in made] == [
        (ids[1], form, r.id, 1), (ids[0], form, r.id, 2)]
    again = nominations.nominate_from_round(empty_bloc, r.id)  # nothing added twice
    assert again == made and len(nominations.nominations(empty_bloc, 2025)) == 2
    assert audit.entries(empty_bloc, "nomination")[0].action == "add"


def test_only_award_rounds_make_nominations(empty_bloc: Database,
                                            make_unit: Callable[..., Unit]) -> None:
    meeting, ids, _ = voting(empty_bloc, make_unit)
    head = ballots.add_round(empty_bloc, meeting.id, Purpose.HEAD, ids[:1])
    with pytest.raises(InputError, match="Chỉ vòng suy tôn khen thưởng"):
        nominations.nominate_from_round(empty_bloc, head.id)


def test_add_edit_move_delete(empty_bloc: Database, make_unit: Callable[..., Unit]) -> None:
    meeting, ids, form = voting(empty_bloc, make_unit)
    flag = awards.form_by_code(empty_bloc, "CO_TINH").id
    a = nominations.add_nomination(empty_bloc, 2025, ids[0], flag,
                                   achievements="Dẫn đầu Khối\r\n", note=" ")
    b = nominations.add_nomination(empty_bloc, 2025, ids[1], form)
    c = nominations.add_nomination(empty_bloc, 2025, ids[2], form)
    assert (a.achievements, a.note, a.round_id) == ("Dẫn đầu Khối", "", None)
    with pytest.raises(InputError, match="đã có trong danh sách đề nghị “Bằng khen"):
        nominations.add_nomination(empty_bloc, 2025, ids[1], form)
    edited = nominations.update_nomination(empty_bloc, b.id,
                                           achievements="Hoàn thành xuất sắc nhiệm vụ")
    assert (edited.achievements, edited.note) == ("Hoàn thành xuất sắc nhiệm vụ", "")
    assert nominations.update_nomination(empty_bloc, b.id, note="Bổ sung hồ sơ").achievements \
        == "Hoàn thành xuất sắc nhiệm vụ"
    moved = nominations.move_nomination(empty_bloc, c.id, -2)
    assert [n.id for n in moved] == [c.id, a.id, b.id]
    assert [n.position for n in moved] == [1, 2, 3]
    assert [n.id for n in nominations.move_nomination(empty_bloc, c.id, 10)] == [a.id, b.id,
                                                                                 c.id]
    nominations.delete_nomination(empty_bloc, a.id)
    assert [n.id for n in nominations.nominations(empty_bloc, 2025)] == [b.id, c.id]
    with pytest.raises(InputError, match=f"Không có đề nghị khen thưởng mã số {a.id}"):
        nominations.get_nomination(empty_bloc, a.id)


def test_blocked_unit_cannot_be_nominated(empty_bloc: Database,
                                          make_unit: Callable[..., Unit]) -> None:
    _, ids, form = voting(empty_bloc, make_unit)
    units.save_membership(empty_bloc, Membership(2025, ids[0], discipline=True))
    with pytest.raises(InputError, match=r"không được đề nghị khen thưởng năm 2025: đang bị kỷ "
                                         r"luật hoặc đang bị xem xét kỷ luật \(Nghị định 152"):
        nominations.add_nomination(empty_bloc, 2025, ids[0], form)
    assert nominations.nominations(empty_bloc, 2025) == []


def test_the_round_must_be_of_the_same_form_and_year(empty_bloc: Database,
                                                     make_unit: Callable[..., Unit]) -> None:
    meeting, ids, form = voting(empty_bloc, make_unit)
    r = ballots.add_round(empty_bloc, meeting.id, Purpose.AWARD, ids[:1], award_form_id=form)
    flag = awards.form_by_code(empty_bloc, "CO_TINH").id
    with pytest.raises(InputError, match=f"Vòng bỏ phiếu mã số {r.id} không phải vòng suy tôn "
                                         "“Cờ thi đua"):
        nominations.add_nomination(empty_bloc, 2025, ids[0], flag, round_id=r.id)


def test_nominate_from_every_awaiting_round(empty_bloc: Database,
                                            make_unit: Callable[..., Unit]) -> None:
    meeting, ids, form = voting(empty_bloc, make_unit)
    flag = awards.form_by_code(empty_bloc, "CO_TINH").id
    flag_round = ballots.add_round(empty_bloc, meeting.id, Purpose.AWARD, ids[:2],
                                   award_form_id=flag)
    cert_round = ballots.add_round(empty_bloc, meeting.id, Purpose.AWARD, ids[1:4],
                                   award_form_id=form, choices=2, seats=2)
    open_round = ballots.add_round(empty_bloc, meeting.id, Purpose.AWARD, ids[4:],
                                   award_form_id=awards.form_by_code(empty_bloc, "BK_TTG").id)
    head = ballots.add_round(empty_bloc, meeting.id, Purpose.HEAD, ids[:1])
    typed(empty_bloc, flag_round.id, (5, 5, 5, 0), {ids[0]: 5, ids[1]: 0})
    typed(empty_bloc, cert_round.id, (5, 5, 5, 0), {ids[1]: 4, ids[2]: 3, ids[3]: 1})
    typed(empty_bloc, open_round.id, (5, 5, 5, 0), {ids[4]: 4}, entries=(1,))  # not agreed
    typed(empty_bloc, head.id, (5, 5, 5, 0), {ids[0]: 5})
    # ids[2] is listed by hand already; ids[1] is now under investigation
    by_hand = nominations.add_nomination(empty_bloc, 2025, ids[2], form, note="Bổ sung")
    units.save_membership(empty_bloc, Membership(2025, ids[1], investigation=True))
    assert [r.round.id for r in nominations.awaiting_rounds(empty_bloc, 2025)] == [
        flag_round.id, cert_round.id]
    preview = nominations.from_results(empty_bloc, 2025)
    assert preview.rounds == 2
    assert preview.additions == ((flag_round.id, ids[0], flag),)
    assert preview.skipped == (
        "“Đơn vị thử số 2” (Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh): đang bị điều tra, "
        "thanh tra, kiểm tra (Nghị định 152/2025/NĐ-CP, Điều 4)",)
    made = nominations.nominate_from_results(empty_bloc, 2025)
    assert [(n.unit_id, n.award_form_id, n.round_id) for n in made] == [
        (ids[0], flag, flag_round.id)]
    assert nominations.get_nomination(empty_bloc, by_hand.id) == by_hand  # kept as it was
    assert [r.round.id for r in nominations.awaiting_rounds(empty_bloc, 2025)] == [
        cert_round.id]  # it made no nomination: its only unlisted unit is blocked
    assert nominations.nominate_from_results(empty_bloc, 2025) == []


def test_the_demo_list_made_again_from_its_rounds(bloc: Database) -> None:
    before = nominations.nominations(bloc, 2019)
    for item in before:
        nominations.delete_nomination(bloc, item.id)
    assert len(nominations.awaiting_rounds(bloc, 2019)) == 3
    made = nominations.nominate_from_results(bloc, 2019)
    assert [(n.unit_id, n.award_form_id, n.round_id, n.position) for n in made] == [
        (n.unit_id, n.award_form_id, n.round_id, n.position) for n in before]
    assert nominations.awaiting_rounds(bloc, 2019) == []


def test_set_positions_restores_an_order(empty_bloc: Database,
                                         make_unit: Callable[..., Unit]) -> None:
    _, ids, form = voting(empty_bloc, make_unit)
    a, b, c = (nominations.add_nomination(empty_bloc, 2025, u, form) for u in ids[:3])
    nominations.delete_nomination(empty_bloc, b.id)  # positions 1 and 3 are left
    nominations.move_nomination(empty_bloc, c.id, -1)
    assert [(n.id, n.position) for n in nominations.nominations(empty_bloc, 2025)] == [
        (c.id, 1), (a.id, 2)]
    nominations.set_positions(empty_bloc, {a.id: 1, c.id: 3})
    assert [(n.id, n.position) for n in nominations.nominations(empty_bloc, 2025)] == [
        (a.id, 1), (c.id, 3)]
    assert audit.entries(empty_bloc, "nomination")[0].action == "order"
