"""A site's default stream, collection: and is:published, on the hand-written site and a
synthetic one: what each scope lists, what the tree counts, and that the stored listing
and SQL agree."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from library import site as site_module
from library.index import CorpusIndex
from library.query import Query, QueryError, parse_query
from library.schema import SORTS
from library.scope import ALL, STARRED, UNPUBLISHED, UNREAD, Scope
from library.session import ReaderSession
from library.settings import Settings
from library.stream import Stream, default_stream
from library.synthetic import generate
from tests.conftest import SITE, refreshed_index, write_document
from tests.site_corpus import withdrawn_news

# Read off tests/fixtures/site: nine news stories (the leukemia story is in _news and in
# the archive: one story, whose first copy, the archive's, is published), three of them
# unpublished; two learning items (the course unpublished), a newsletter and a sample.
NEWS = 9
UNPUBLISHED_NEWS = {
    "38M Records Exposed via Acme Power Apps Misconfiguration",
    "PIN diode handles high-power apps",
    "A|I: The AI Times – Scrutinizing facial recognition tech",
}
COURSE = "AI For Everyone"
PER_COLLECTION = {"news": 9, "learning": 2, "newsletters": 1, "samples": 1}


def session_on(root: Path, settings: Settings | None = None) -> ReaderSession:
    session = ReaderSession([str(root)], settings)
    session.stories_grouped = False  # counted in articles: a row per article
    session.refresh()
    return session


@pytest.fixture
def site() -> Iterator[ReaderSession]:
    session = session_on(SITE)
    yield session
    session.close()


def titles(session: ReaderSession, scope: Scope = ALL, text: str = "") -> set[str]:
    return {row.title for row in session.results(scope, text, "date")}


def collections_of(session: ReaderSession, scope: Scope = ALL, text: str = "") -> set[str]:
    ids = list(session.results(scope, text, "date").ids)
    return {row.collection or "" for row in session.index.stored(ids)}


# -- the query language against the index (no stream: everything) ------------------------


@pytest.fixture(scope="module")
def site_index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CorpusIndex]:
    """The site indexed once, for the tests that only query it."""
    index = refreshed_index([SITE], tmp_path_factory.mktemp("site") / "index.db", None)
    yield index
    index.close()


@pytest.mark.parametrize(
    ("query", "count"),
    [
        ("collection:news", 9),
        ("collection:NEWS", 9),
        ("collection:_news", 9),  # as the folder is named
        ("-collection:news", 4),
        ("collection:learning collection:samples", 3),  # any of them
        ("collection:*", 13),
        ("collection:* -collection:newsletters", 12),
        ("-collection:*", 0),  # what is in none: a site's pages, and this one has none
        ("is:unpublished", 4),
        ("-is:published", 4),
        ("is:published", 9),
        ("is:unpublished collection:learning", 1),
        ("is:unpublished -collection:news", 1),
    ],
)
def test_collection_and_published_select_on_the_site(
    site_index: CorpusIndex, query: str, count: int
) -> None:
    assert len(site_index.search(query)) == count


@pytest.mark.parametrize(
    ("query", "message"),
    [
        (
            "collection:posts",
            "unknown collection 'posts'; there are learning, news, newsletters, samples",
        ),
        ("-collection:people", "unknown collection 'people'; there are learning, news"),
    ],
)
def test_an_unknown_collection_names_those_there_are(
    site_index: CorpusIndex, query: str, message: str
) -> None:
    with pytest.raises(QueryError) as raised:
        site_index.search(query)
    assert str(raised.value).startswith(message)


def test_a_plain_folder_has_no_collections(
    reader_folder: Path, index_factory: Callable[..., CorpusIndex]
) -> None:
    index = index_factory(reader_folder)
    with pytest.raises(QueryError, match="^unknown collection 'news'; this corpus has no coll"):
        index.search("collection:news")
    assert len(index.search("collection:*")) == len(index.search("")) == 2
    assert len(index.search("is:unpublished")) == 1


@pytest.fixture
def reader_folder(tmp_path: Path) -> Path:
    root = tmp_path / "plain"
    write_document(root, "a.md", 'title: "Shown"\noriginalUrl: https://p.test/a')
    write_document(
        root, "b.md", 'title: "Not published"\noriginalUrl: https://p.test/b\npublished: false'
    )
    return root


# -- the default stream --------------------------------------------------------------------


def test_a_site_s_stream_is_its_news_and_a_plain_folder_is_shown_whole(
    reader_folder: Path, tmp_path: Path
) -> None:
    assert default_stream([str(SITE)], None, False) == Stream(("news",))
    assert default_stream([str(reader_folder)], None, False) == Stream()
    assert default_stream([str(reader_folder)], ("news",), True) == Stream((), True)
    assert default_stream([str(SITE)], ("learning", "news"), True) == Stream(
        ("learning", "news"), True
    )
    assert default_stream([str(SITE)], ("*",), False) == Stream()
    # A plain folder opened beside a site keeps everything of both in view.
    assert default_stream([str(SITE), str(reader_folder)], None, False) == Stream()


def test_the_stream_gives_way_to_a_query_that_names_collections() -> None:
    stream = Stream(("news",), hide_unpublished=True)
    assert stream.applied(Query()) == Query(default_collections=("news",), published=True)
    assert stream.applied(parse_query("-collection:news")).default_collections == ()
    assert stream.applied(parse_query("is:unpublished")).published is False
    assert stream.applied(Query(), every_collection=True) == Query(published=True)
    assert Stream().applied(Query()) == Query()


def test_all_articles_on_a_site_are_its_news_with_the_unpublished_marked_not_hidden(
    site: ReaderSession,
) -> None:
    assert collections_of(site) == {"news"}
    assert len(site.results(ALL, "", "date")) == NEWS
    assert titles(site) >= UNPUBLISHED_NEWS
    assert titles(site, UNPUBLISHED) == UNPUBLISHED_NEWS
    assert titles(site, ALL, "is:unpublished") == UNPUBLISHED_NEWS
    # Another collection is a scope, or a word of the filter, away.
    assert titles(site, Scope("collection", "learning")) == {
        COURSE,
        "What is a Transformer? | Edureka",
    }
    assert collections_of(site, ALL, "collection:newsletters") == {"newsletters"}
    assert len(site.results(ALL, "collection:*", "date")) == sum(PER_COLLECTION.values())
    assert titles(site, ALL, "collection:learning is:unpublished") == {COURSE}


def test_hiding_unpublished_items_leaves_them_their_own_node(site: ReaderSession) -> None:
    assert site.toggle_unpublished() is True
    assert len(site.results(ALL, "", "date")) == NEWS - len(UNPUBLISHED_NEWS)
    assert not UNPUBLISHED_NEWS & titles(site)
    assert titles(site, UNPUBLISHED) == UNPUBLISHED_NEWS  # asked for, so shown
    assert titles(site, ALL, "is:unpublished") == UNPUBLISHED_NEWS
    assert COURSE not in titles(site, Scope("collection", "learning"))
    assert site.toggle_unpublished() is False
    assert len(site.results(ALL, "", "date")) == NEWS


def test_the_settings_choose_the_stream(tmp_path: Path) -> None:
    session = session_on(SITE, Settings(collections=("learning", "news"), hide_unpublished=True))
    try:
        assert collections_of(session) == {"learning", "news"}
        assert len(session.results(ALL, "", "date")) == 9 - 3 + 1
    finally:
        session.close()
    session = session_on(SITE, Settings(collections=("*",)))
    try:
        assert len(session.results(ALL, "", "date")) == sum(PER_COLLECTION.values())
    finally:
        session.close()


def test_starred_items_are_listed_from_every_collection(site: ReaderSession) -> None:
    course = next(iter(site.results(Scope("collection", "learning"), "AI For", "date")))
    site.set_flag("starred", [course.identity], True)
    assert titles(site, STARRED) == {COURSE}
    assert site.counts().starred == 1


# -- counts ----------------------------------------------------------------------------------


def test_the_tree_counts_agree_with_the_lists_they_stand_for(site: ReaderSession) -> None:
    first = next(iter(site.results(UNPUBLISHED, "", "date")))
    site.set_flag("read", [first.identity], True)
    for hidden in (False, True):
        assert site.stream.hide_unpublished is hidden
        counts = site.counts()
        assert list(counts.collections)[0] == "news"  # the stream's first
        assert set(counts.collections) == set(PER_COLLECTION)
        for name, counted in counts.collections.items():
            shown = site.results(Scope("collection", name), "", "date")
            assert (counted.total, counted.unread) == (len(shown), shown.unread)
        everything = site.results(ALL, "", "date")
        assert (counts.everything, counts.unread_total) == (len(everything), everything.unread)
        assert counts.unread_total == len(site.results(UNREAD, "", "date"))
        unpublished = site.results(UNPUBLISHED, "", "date")
        assert counts.unpublished == (len(unpublished), unpublished.unread) == (3, 2)
        for key in counts.model.nodes:
            topic = site.results(Scope("topic", key), "", "date")
            assert counts.totals.get(key, 0) == len(topic), key
            assert counts.unread.get(key, 0) == topic.unread, key
        site.toggle_unpublished()
    assert site.counts().collections["news"].total == NEWS


def test_stored_listing_and_sql_agree(site: ReaderSession) -> None:
    """The stored list filtered by its parts answers the stream's scopes; SQL answers the
    rest: both must give the same articles in the same order."""
    index = site.index
    sort = SORTS["date"]
    for text in ("", "collection:learning", "-collection:news", "is:unpublished", "collection:*"):
        for hidden in (False, True):
            if hidden != site.stream.hide_unpublished:
                site.toggle_unpublished()
            query = site.query(ALL, text)
            where, params = index.conditions(query)
            sql = f"SELECT a.id FROM articles a WHERE a.duplicate_of IS NULL{where} ORDER BY "
            expected = [row[0] for row in index.db.execute(sql + sort, params)]
            assert list(index.results(query).ids) == expected, (text, hidden)


# -- synthetic sites -------------------------------------------------------------------------


def test_a_synthetic_site_shows_its_news_and_counts_every_collection(tmp_path: Path) -> None:
    generated = generate(tmp_path / "site", 80, seed=3)
    session = session_on(tmp_path / "site")
    try:
        assert collections_of(session) == {"news"}
        counts = session.counts()
        assert counts.everything == len(session.results(ALL, "", "date"))
        assert counts.collections["newsletters"].total == generated.files["newsletters"]
        assert counts.collections["learning"].total == generated.files["learning"]
        assert counts.collections["samples"].total == generated.files["samples"]
        assert "people" not in counts.collections  # data records are not articles
        unpublished = titles(session, UNPUBLISHED)
        assert unpublished and counts.unpublished.total == len(unpublished)
        assert not titles(session, ALL, "is:unpublished") ^ unpublished
    finally:
        session.close()


def test_a_site_with_only_unpublished_items_shows_them_all(tmp_path: Path) -> None:
    site = withdrawn_news(tmp_path / "site")
    session = session_on(site)
    try:
        assert len(session.results(ALL, "", "date")) == 3
        counts = session.counts()
        assert (counts.everything, counts.unpublished.total) == (3, 3)
        session.toggle_unpublished()
        assert len(session.results(ALL, "", "date")) == 0
        assert len(session.results(UNPUBLISHED, "", "date")) == 3
        assert session.counts().everything == 0
    finally:
        session.close()


def test_a_blog_alone_streams_its_posts_not_its_pages(tmp_path: Path) -> None:
    """Without the news, a site's stream is its collections: a blog listed its home page,
    404 page and About among its posts. A site of pages alone is shown whole."""
    blog = tmp_path / "blog"
    (blog / "_config.yml").parent.mkdir()
    (blog / "_config.yml").write_text("title: A blog\n")
    write_document(blog / "_posts", "2014-3-3-hello.md", "title: Hello World")
    write_document(blog / "_posts", "2015-01-10-second.md", "title: Second")
    write_document(blog, "about.md", "title: About\nlayout: page")
    write_document(blog, "404.html", "title: Not found\npermalink: /404.html")
    session = session_on(blog)
    try:
        assert titles(session, ALL) == {"Hello World", "Second"}
        assert session.counts().everything == 2
    finally:
        session.close()
    for post in (blog / "_posts").iterdir():
        post.unlink()
    (blog / "_posts").rmdir()
    session = session_on(blog)
    try:
        assert titles(session, ALL) == {"About", "Not found"}
    finally:
        session.close()


def test_a_blog_streams_no_collection_it_makes_no_pages_of(tmp_path: Path) -> None:
    """Crystal's and Scala's sites keep their style guide's components and an install
    page's tabs as collections with ``output: false``: they were listed among the posts,
    undated, and their bodies template code. They stay in the tree's collections. So were
    DjangoCon's pages, a ``_pages`` folder its ``include`` takes in, declared no collection."""
    blog = tmp_path / "blog"
    blog.mkdir()
    config = "include: [/_pages/]\ncollections:\n  style_guide:\n    output: false\n"
    config += "  tabs: {output: false}\n"
    (blog / "_config.yml").write_text(config + "  events:\n    output: true\n")
    write_document(blog / "_posts", "2024-01-02-hello.md", "title: Hello")
    write_document(blog / "_events", "conf.md", "title: Conference", "In Berlin.")
    write_document(blog / "_style_guide", "callout.md", "title: Callout", "> A sample.")
    write_document(blog / "_tabs", "macos.html", "tabId: macos", "<div>{% include x.html %}</div>")
    write_document(blog / "_style_guide", "teaser.html", "title: Teaser", "<b>{{ post.title }}</b>")
    write_document(blog / "_pages", "about.md", "title: About", "Who we are.")  # pages, taken in
    session = session_on(blog)
    try:
        assert titles(session, ALL) == {"Hello"}  # its posts: the blog streams no events
        assert titles(session, Scope("collection", "events")) == {"Conference"}
        assert titles(session, Scope("collection", "style_guide")) == {"Callout", "Teaser"}
    finally:
        session.close()


def test_collection_folders_nested_two_levels_down(tmp_path: Path) -> None:
    """``_learning/a/b/x.md`` is learning on a site; a root whose ``_news`` sits two
    folders down is not a site, so it is shown whole, collections and all."""
    site = tmp_path / "site"
    write_document(site / "_news", "n.md", 'title: "News"\noriginalUrl: https://n.test/n')
    write_document(site / "_learning" / "videos" / "youtube", "v.md", 'title: "Video"\ntype: video')
    session = session_on(site)
    try:
        assert titles(session) == {"News"}
        assert titles(session, Scope("collection", "learning")) == {"Video"}
        assert session.counts().collections["learning"].total == 1
    finally:
        session.close()
    deep = tmp_path / "deep"
    write_document(deep / "sites" / "ai" / "_news", "n.md", 'title: "Deep news"')
    write_document(deep, "loose.md", 'title: "Loose"')
    session = session_on(deep)
    try:
        assert titles(session) == {"Deep news", "Loose"}
        assert titles(session, ALL, "collection:news") == {"Deep news"}
        assert set(session.counts().collections) == {"news"}
    finally:
        session.close()


def test_a_warm_index_without_collections_spares_the_look_at_the_folders(
    reader_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whether a flat folder of 50,000 files is a site takes a listing of all of them: an
    index that holds no collection needs no answer, nothing is left out either way."""
    session_on(reader_folder).close()
    session_on(SITE).close()
    asked: list[str] = []

    def spy(root: str) -> bool:
        asked.append(root)
        return True

    monkeypatch.setattr(site_module, "is_jekyll_site", spy)
    session = ReaderSession([str(reader_folder)])
    session.stories_grouped = False
    try:
        assert asked == []
        assert len(session.results(ALL, "", "date")) == 2
    finally:
        session.close()
    session = ReaderSession([str(SITE)])
    session.stories_grouped = False
    session.close()
    assert asked == [str(SITE)]


def test_typing_on_a_site_asks_sql_for_no_list(site: ReaderSession) -> None:
    """The stream is compiled into the scope, which is kept between keystrokes: a key
    costs the word lookup, not a walk of the articles, and the first list is the stored
    one filtered, not a walk either."""
    statements: list[str] = []
    site.index.db.set_trace_callback(statements.append)
    first = site.results(ALL, "", "date")
    assert len(first) == NEWS
    for typed in ("a", "ap", "app", "apps"):
        site.results(ALL, typed, "date")
    walks = [sql for sql in statements if sql.startswith("SELECT a.id FROM articles a WHERE a.dup")]
    assert walks == []
    scopes = [sql for sql in statements if sql.startswith("SELECT rowid, length(ids)")]
    assert len(scopes) == 1  # one scope, made once and kept
    assert sum("article_text MATCH" in sql for sql in statements) == 4  # one per key
    site.index.db.set_trace_callback(None)


def _hugo_site(root: Path, settings: str = "") -> int:
    """A Hugo site whose pages its dates schedule; when the soonest changes (Unix seconds)."""
    # Soon enough to wait for, late enough that a loaded machine indexes the site first.
    soon, past = int(time.time()) + 6, int(time.time()) - 3600
    (root / "content").mkdir(parents=True)
    (root / "hugo.toml").write_text(f'title = "Blog"\n{settings}', encoding="utf-8")
    posts = root / "content" / "posts"
    write_document(posts, "a.md", "title: Always\ndate: 2024-01-01")
    write_document(posts, "b.md", f"title: Soon\ndate: 2024-01-02\npublishDate: {soon}")
    write_document(posts, "c.md", f"title: Expired\ndate: 2024-01-03\nexpirydate: {past}")
    write_document(posts, "d.md", f"title: Expiring\ndate: 2024-01-04\nunpublishDate: {soon}")
    write_document(posts, "e.md", "title: Dated ahead\ndate: 2999-01-05")
    return soon


def test_a_hugo_page_is_published_from_its_publish_date_until_its_expiry_date(
    tmp_path: Path,
) -> None:
    """Hugo builds no page before its publishDate (by default its date) nor after its
    expiryDate; they were listed as published. The clock decides as the list is made:
    the page scheduled goes up, and the one expiring comes down, with no file read again."""
    soon = _hugo_site(tmp_path / "blog")
    session = session_on(tmp_path / "blog", Settings(hide_unpublished=True))
    try:
        assert titles(session) == {"Always", "Expiring"}
        assert titles(session, UNPUBLISHED) == {"Soon", "Expired", "Dated ahead"}
        assert session.counts().unpublished.total == 3
        assert titles(session, ALL, "is:unpublished Soon") == {"Soon"}
        rows = {row.title: row.is_published for row in session.results(UNPUBLISHED, "", "date")}
        assert not any(rows.values())
        time.sleep(max(0.0, soon - time.time()) + 0.1)
        assert titles(session) == {"Always", "Soon"}
        assert titles(session, UNPUBLISHED) == {"Expired", "Expiring", "Dated ahead"}
        assert session.counts().unpublished.total == 3
        assert titles(session, ALL, "is:published -Always") == {"Soon"}
    finally:
        session.close()


def test_a_hugo_site_that_builds_the_future_and_the_expired_publishes_them(
    tmp_path: Path,
) -> None:
    """``buildFuture`` and ``buildExpired`` publish what the dates would hold back, and
    ``[frontmatter]`` names the keys that date a page (``:default``: Hugo's own)."""
    settings = 'buildFuture = true\n[frontmatter]\nexpiryDate = ["lastmod", ":default"]\n'
    _hugo_site(tmp_path / "blog", settings)
    write_document(
        tmp_path / "blog" / "content" / "posts", "f.md", "title: Edited\nlastmod: 2020-01-01"
    )
    session = session_on(tmp_path / "blog", Settings(hide_unpublished=True))
    try:
        assert titles(session, UNPUBLISHED) == {"Expired", "Edited"}
    finally:
        session.close()
    _hugo_site(tmp_path / "other", "buildExpired = true\nbuildFuture = true\n")
    session = session_on(tmp_path / "other", Settings(hide_unpublished=True))
    try:
        assert titles(session, UNPUBLISHED) == set()
        assert len(titles(session)) == 5
    finally:
        session.close()


@pytest.mark.parametrize("future", [False, True], ids=["default", "future"])
def test_a_jekyll_post_dated_ahead_is_published_only_when_the_site_builds_the_future(
    tmp_path: Path, future: bool
) -> None:
    """Jekyll builds a post dated in the future only with ``future: true``; a page, and
    another collection's document (an upcoming event), has no date it waits for."""
    site = tmp_path / "blog"
    site.mkdir()
    (site / "_config.yml").write_text(f"future: {str(future).lower()}\n", encoding="utf-8")
    write_document(site / "_posts", "2024-01-01-old.md", "title: Old")
    write_document(site / "_posts", "2999-01-01-ahead.md", "title: Ahead by name")
    write_document(site / "_posts" / "talks", "talk.md", "title: Ahead by date\ndate: 2999-02-01")
    write_document(site / "_events", "summit.md", "title: Coming event\ndate: 2999-02-01")
    write_document(site, "event.md", "title: A page\ndate: 2999-03-01")
    session = session_on(site, Settings(collections=("*",)))
    try:
        held = set() if future else {"Ahead by name", "Ahead by date"}
        # An upcoming event is in the site's lists: it was marked unpublished.
        assert "Coming event" not in titles(session, UNPUBLISHED)
        assert titles(session, UNPUBLISHED) == held
    finally:
        session.close()
