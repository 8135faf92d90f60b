"""Narrowing a result by masks over article ids: the order kept, ids beyond a mask's end
(articles stored after the mask was made) never taken as marked."""

from __future__ import annotations

import numpy

from library.results import ResultSet, id_mask, marked


def no_rows() -> None:
    raise AssertionError("narrowing reads no rows")


def test_a_mask_marks_exactly_its_ids_and_is_at_least_the_size_asked() -> None:
    mask = id_mask(numpy.array([3, 7, 3], numpy.int64), size=20)
    assert len(mask) == 20
    assert list(numpy.flatnonzero(mask)) == [3, 7]
    assert len(id_mask(numpy.array([9], numpy.int64))) == 10
    assert len(id_mask(numpy.empty(0, numpy.int64))) == 0


def test_ids_past_the_end_of_a_mask_are_not_marked() -> None:
    mask = id_mask(numpy.array([1, 4], numpy.int64))
    ids = numpy.array([4, 9, 1, 5, 0], numpy.int64)
    assert list(marked(mask, ids)) == [True, False, True, False, False]
    assert list(marked(numpy.zeros(0, bool), ids)) == [False] * 5


def test_narrowing_keeps_the_order_takes_the_kept_and_leaves_the_dropped() -> None:
    results = ResultSet(no_rows, [50, 3, 12, 7, 40, 1], {3: None})
    keep = id_mask(numpy.array([1, 3, 7, 12, 50], numpy.int64))
    drop = id_mask(numpy.array([12, 99], numpy.int64))
    assert list(results.narrowed(keep, None).ids) == [50, 3, 12, 7, 1]
    assert list(results.narrowed(keep, drop).ids) == [50, 3, 7, 1]
    assert list(results.narrowed(None, drop).ids) == [50, 3, 7, 40, 1]
    assert results.narrowed(keep, drop).read is results.read


def test_an_article_is_found_where_it_is_in_the_results_and_not_when_absent() -> None:
    results = ResultSet(no_rows, [50, 3, 12, 7])
    assert [results.position_of(i) for i in (50, 12, 7, 4)] == [0, 2, 3, None]
    assert ResultSet(no_rows, []).position_of(3) is None
