"""A site in several languages: each article's language (its front matter's, else its
site's language folder), ``lang:`` in queries, and the default stream in the site's own
language, which the tree counts and the stored listing agree with."""

from __future__ import annotations

from pathlib import Path

import pytest

from library.index import CorpusIndex
from library.query import Query, QueryError, parse_query
from library.scope import ALL, Scope
from library.session import ReaderSession
from library.settings import Settings
from library.stream import Stream
from tests.conftest import write_document
from tests.library.test_stream import session_on, titles
from tests.site_corpus import translated_by_folder


@pytest.fixture
def site(tmp_path: Path) -> ReaderSession:
    session = session_on(translated_by_folder(tmp_path / "site"))
    yield session
    session.close()


def languages_of(session: ReaderSession, text: str = "", scope: Scope = ALL) -> list[str]:
    ids = list(session.results(scope, text, "date").ids)
    return sorted(row.language or "" for row in session.index.stored(ids))


def test_each_article_knows_the_language_its_site_says(tmp_path: Path) -> None:
    """Its front matter's first, else its site's language folder, in one spelling."""
    root = translated_by_folder(tmp_path / "site", {"en": "Hello", "zh_CN": "你好"})
    write_document(root / "en" / "news" / "_posts", "2024-05-02-salut.md", "title: Salut\nlang: FR")
    index = CorpusIndex([str(root)], tmp_path / "index.db")
    index.refresh()
    found = index.db.execute("SELECT title, language FROM articles WHERE title != 'Older'")
    assert sorted(found) == [("Hello", "en"), ("Salut", "fr"), ("你好", "zh-cn")]
    index.close()


def test_a_site_translated_by_folder_is_listed_in_its_default_language(
    site: ReaderSession,
) -> None:
    """Each announcement was listed once per language; now once, in English, and
    ``lang:`` lists the others."""
    assert titles(site) == {"Ruby released", "Older"}
    assert languages_of(site) == ["en", "en"]
    assert titles(site, text="lang:ja") == {"Ruby リリース", "Older"}
    assert titles(site, text="lang:JA lang:de") == {"Ruby リリース", "Ruby veröffentlicht", "Older"}
    assert languages_of(site, "lang:*") == ["de", "de", "en", "en", "ja", "ja"]
    assert languages_of(site, "-lang:en") == ["de", "de", "ja", "ja"]
    assert languages_of(site, "-lang:*") == []
    assert site.counts().everything == 2


def test_the_tree_counts_and_the_stored_list_agree_with_sql(site: ReaderSession) -> None:
    """The default stream is read off the stored list (a byte per article's collection,
    language and flag); a word sends the same scope to SQL."""
    for text in ("", "lang:ja", "-lang:ja", "lang:*"):
        listed = list(site.results(ALL, text, "date").ids)
        by_sql = list(site.results(ALL, f"{text} -zzzz", "date").ids)
        assert listed == by_sql and listed
    assert site.counts().collections["posts"].total == 2


def test_a_translation_added_later_stays_out_of_the_default_stream(
    site: ReaderSession, tmp_path: Path
) -> None:
    """A refresh puts a new article in the stored list in place, with its language."""
    write_document(tmp_path / "site" / "ja" / "news" / "_posts", "2024-06-01-new.md", "title: 新")
    write_document(tmp_path / "site" / "en" / "news" / "_posts", "2024-06-01-new.md", "title: New")
    site.refresh()
    assert titles(site) == {"New", "Ruby released", "Older"}
    assert titles(site, text="lang:ja") == {"新", "Ruby リリース", "Older"}


def test_an_unknown_or_malformed_language_is_a_message(site: ReaderSession) -> None:
    with pytest.raises(QueryError, match="'fr'; there are de, en, ja"):
        site.results(ALL, "lang:fr", "date")
    with pytest.raises(QueryError, match="not a language code"):
        site.results(ALL, "lang:english", "date")


def test_front_matter_says_the_language_and_the_settings_its_default(tmp_path: Path) -> None:
    """jekyll-polyglot's ``lang`` in each post and ``default_lang`` in the settings; a
    post that says none is listed with the default language's."""
    root = tmp_path / "blog"
    root.mkdir()
    (root / "_config.yml").write_text("languages: [en, fr]\ndefault_lang: fr\n")
    write_document(root / "_posts", "2024-01-01-hello.md", "title: Hello\nlang: en")
    write_document(root / "_posts", "2024-01-01-bonjour.md", "title: Bonjour\nlang: fr")
    write_document(root / "_posts", "2024-01-02-plain.md", "title: Unsaid")
    write_document(root / "_posts", "2024-01-03-code.md", "title: Code\nlanguage: python")
    session = session_on(root)
    try:
        assert titles(session) == {"Bonjour", "Unsaid", "Code"}
        assert titles(session, text="lang:en") == {"Hello"}
        assert titles(session, text="-lang:*") == {"Unsaid", "Code"}
    finally:
        session.close()


def test_the_settings_say_which_folders_are_languages(tmp_path: Path) -> None:
    """With ``languages`` listed, a folder named as a code they lack is no language."""
    root = translated_by_folder(tmp_path / "site", {"en": "Hello", "es": "Hola", "go": "Go"})
    (root / "_config.yml").write_text("languages: [es, en]\n")
    session = session_on(root)
    try:
        assert titles(session) == {"Hola", "Go", "Older"}
        assert languages_of(session, "lang:*") == ["", "", "en", "en", "es", "es"]
    finally:
        session.close()


def test_a_lone_folder_named_as_a_language_is_none_and_the_site_is_listed_whole(
    tmp_path: Path,
) -> None:
    """``go/`` beside no other language's folder is a folder about Go."""
    root = translated_by_folder(tmp_path / "site", {"go": "Go"})
    write_document(root / "_posts", "2024-01-01-hello.md", "title: Hello")
    session = session_on(root)
    try:
        assert titles(session) == {"Go", "Older", "Hello"}
        assert languages_of(session) == ["", "", ""]
    finally:
        session.close()


def test_folders_named_in_three_letters_are_no_languages(tmp_path: Path) -> None:
    """A site's ``api/`` and ``doc/`` are shaped as language codes are: taken for two
    languages, the pages of one were left out of the list."""
    root = translated_by_folder(tmp_path / "site", {"api": "Reference", "doc": "Guide"})
    session = session_on(root)
    try:
        assert titles(session) == {"Reference", "Guide", "Older"}
        assert languages_of(session) == ["", "", "", ""]
    finally:
        session.close()


def test_subject_folders_named_as_languages_are_none_without_the_sites_own(
    tmp_path: Path,
) -> None:
    """A handbook's ``it/`` (IT) and ``hr/`` (human resources) are language codes too:
    taken for Italian and Croatian, the list kept the pages of one of them."""
    root = translated_by_folder(tmp_path / "site", {"it": "Laptops", "hr": "Holidays"})
    session = session_on(root)
    try:
        assert titles(session) == {"Laptops", "Holidays", "Older"}
        assert languages_of(session) == ["", "", "", ""]
    finally:
        session.close()


def test_a_site_in_a_regional_language_lists_its_posts_in_the_language(tmp_path: Path) -> None:
    """Settings in ``en-US`` beside posts that say ``lang: en``: the English post was
    left out of the list, as if it were in another language."""
    root = tmp_path / "site"
    (root / "_posts").mkdir(parents=True)
    (root / "_config.yml").write_text("languages: [en-US, fr]\n")
    write_document(root / "_posts", "2024-01-01-a.md", "title: English\nlang: en")
    write_document(root / "_posts", "2024-01-02-b.md", "title: British\nlang: en_GB")
    write_document(root / "_posts", "2024-01-03-c.md", "title: French\nlang: fr")
    write_document(root / "_posts", "2024-01-04-d.md", "title: Unsaid")
    session = session_on(root)
    try:
        assert titles(session) == {"English", "Unsaid"}
        assert titles(session, text="lang:fr") == {"French"}
    finally:
        session.close()


def test_a_blog_that_keeps_no_translations_lists_every_post(tmp_path: Path) -> None:
    """A theme's ``lang: en-US`` and a post written in French: the French post, of which
    the blog has no English copy, was left out of the list."""
    root = tmp_path / "site"
    (root / "_posts").mkdir(parents=True)
    (root / "_config.yml").write_text("lang: en-US\n")
    write_document(root / "_posts", "2024-01-01-a.md", "title: English\nlang: en")
    write_document(root / "_posts", "2024-01-03-c.md", "title: French\nlang: fr")
    session = session_on(root)
    try:
        assert titles(session) == {"English", "French"}
        assert titles(session, text="lang:fr") == {"French"}
    finally:
        session.close()


def test_a_plain_folder_is_shown_whole_and_lang_still_selects(tmp_path: Path) -> None:
    folder = tmp_path / "notes"
    write_document(folder, "a.md", "title: English\nlang: en")
    write_document(folder, "b.md", "title: Deutsch\nlocale: de_DE")
    session = session_on(folder)
    try:
        assert titles(session) == {"English", "Deutsch"}
        assert titles(session, text="lang:de-de") == {"Deutsch"}
    finally:
        session.close()


def test_docusaurus_translations_are_left_to_lang(tmp_path: Path) -> None:
    """A Docusaurus site's ``i18n/<code>/`` holds its translations; its own pages are in
    its ``defaultLocale``."""
    root = tmp_path / "docs"
    write_document(root / "blog", "2024-01-01-launch.md", "title: Launch")
    write_document(root / "docs", "intro.md", "title: Intro")
    write_document(
        root / "i18n" / "ko" / "docusaurus-plugin-content-blog",
        "2024-01-01-launch.md",
        "title: 출시",
    )
    (root / "docusaurus.config.js").write_text(
        "export default {i18n: {defaultLocale: 'fr', locales: ['fr', 'ko']}};\n"
    )
    session = session_on(root, Settings(collections=("*",)))
    try:
        assert titles(session) == {"Launch", "Intro"}
        assert titles(session, text="lang:fr") == {"Launch", "Intro"}
        assert titles(session, text="lang:ko") == {"출시"}
    finally:
        session.close()


@pytest.mark.parametrize("settings", ["language: en\n", "language: [en, ja, zh-cn]\n"])
def test_hexo_translations_in_its_source_are_left_to_lang(tmp_path: Path, settings: str) -> None:
    """A Hexo site keeps its pages' translations in ``source/<code>/``: its pages were
    listed once per language."""
    root = tmp_path / "site"
    (root / "scaffolds").mkdir(parents=True)
    (root / "_config.yml").write_text(settings)
    write_document(root / "source" / "_posts", "2024-01-01-release.md", "title: Release")
    write_document(root / "source" / "docs", "setup.md", "title: Setup")
    write_document(root / "source" / "ja" / "docs", "setup.md", "title: セットアップ")
    write_document(root / "source" / "zh-cn" / "docs", "setup.md", "title: 设置")
    session = session_on(root, Settings(collections=("*",)))
    try:
        assert titles(session) == {"Release", "Setup"}
        assert titles(session, text="lang:ja") == {"セットアップ"}
        assert languages_of(session, "lang:*") == ["", "", "ja", "zh-cn"]
    finally:
        session.close()


def test_vitepress_translations_its_locales_name_are_left_to_lang(tmp_path: Path) -> None:
    """A VitePress site keeps a translation in each folder its ``locales`` name, one
    alone too, and its other pages are in its ``root`` locale's language: its docs were
    listed once per language."""
    root = tmp_path / "docs"
    (root / ".vitepress").mkdir(parents=True)
    (root / ".vitepress" / "config.mts").write_text(
        "export default defineConfig({\n  locales: {\n"
        "    root: { label: 'English', lang: 'en-US', themeConfig: { nav: [] } },\n"
        "    ja: { label: '日本語', lang: 'ja' },\n  },\n})\n"
    )
    write_document(root / "guide", "setup.md", "title: Setup")
    write_document(root / "ja" / "guide", "setup.md", "title: セットアップ")
    write_document(root / "go", "intro.md", "title: Go")  # no locale: a folder about Go
    session = session_on(root)
    try:
        assert titles(session) == {"Setup", "Go"}
        assert titles(session, text="lang:ja") == {"セットアップ"}
        assert languages_of(session, "lang:*") == ["en-us", "en-us", "ja"]
    finally:
        session.close()


def test_vuepress_translations_its_locales_name_are_left_to_lang(tmp_path: Path) -> None:
    """VuePress names its locales by their paths (``'/zh/'``), the site's own by ``'/'``:
    VuePress's own docs listed 36 pages, 18 of them the Chinese copies of the others."""
    root = tmp_path / "docs"
    (root / ".vuepress").mkdir(parents=True)
    (root / ".vuepress" / "config.js").write_text(
        "module.exports = {\n  locales: {\n"
        "    '/': { lang: 'en-US', title: 'VuePress' },\n"
        "    '/zh/': { lang: 'zh-CN', title: 'VuePress' }\n  },\n"
        "  themeConfig: { locales: { '/': { label: 'English' } } }\n}\n"
    )
    write_document(root / "guide", "setup.md", "title: Setup")
    write_document(root / "zh" / "guide", "setup.md", "title: 安装")
    session = session_on(root)
    try:
        assert titles(session) == {"Setup"}
        assert titles(session, text="lang:zh") == {"安装"}
        assert languages_of(session, "lang:*") == ["en-us", "zh"]
    finally:
        session.close()


def test_the_stream_gives_way_to_a_query_that_names_languages() -> None:
    stream = Stream(languages=("en",))
    assert stream.applied(Query()).default_languages == ("en",)
    assert stream.applied(parse_query("lang:ja")).default_languages == ()
    assert stream.applied(parse_query("-lang:de")).default_languages == ()
    assert stream.applied(Query(), every_collection=True).default_languages == ()


@pytest.mark.parametrize(
    ("config", "own"),
    [
        ("i18n: { defaultLocale: 'en', locales: ['en', 'fr', 'ja'] },", "en"),  # Astro's
        ("locales: { root: { label: 'English', lang: 'en' }, fr: {}, ja: {} },", ""),  # Starlight
    ],
    ids=["folders", "root-locale"],
)
def test_astro_translations_in_its_collections_are_left_to_lang(
    tmp_path: Path, config: str, own: str
) -> None:
    """An Astro site (Starlight's docs) keeps each language in a folder of its content
    collection (``src/content/docs/fr``): Astro's docs listed each of its 420 pages once
    per language, 2,569 rows."""
    root = tmp_path / "site"
    root.mkdir()
    default = "" if own else "defaultLocale: 'root', "
    (root / "astro.config.mjs").write_text(
        f"export default defineConfig({{ {default}{config} }});\n"
    )
    docs = root / "src" / "content" / "docs"
    write_document(docs / own, "install.md", "title: Install")
    write_document(docs / own / "guides", "routing.md", "title: Routing")
    write_document(docs / "fr" / "guides", "routing.md", "title: Routage")
    write_document(docs / "ja", "install.md", "title: インストール")
    session = session_on(root, Settings(collections=("*",)))
    try:
        assert titles(session) == {"Install", "Routing"}
        assert titles(session, text="lang:fr") == {"Routage"}
        assert titles(session, text="lang:ja") == {"インストール"}
    finally:
        session.close()


def test_an_astro_blog_without_locales_has_no_language_folders(tmp_path: Path) -> None:
    """A blog's folders named like languages (``go/``, ``it/``) are its subjects where the
    site's settings name no locale."""
    root = tmp_path / "site"
    root.mkdir()
    (root / "astro.config.mjs").write_text("export default defineConfig({});\n")
    blog = root / "src" / "content" / "blog"
    write_document(blog / "go", "channels.md", "title: Channels\npubDate: 2024-01-02")
    write_document(blog / "it", "helpdesk.md", "title: Helpdesk\npubDate: 2024-01-03")
    session = session_on(root, Settings(collections=("*",)))
    try:
        assert titles(session) == {"Channels", "Helpdesk"}
    finally:
        session.close()


def test_translations_in_folders_of_a_collection_are_left_to_lang(tmp_path: Path) -> None:
    """A Jekyll site that keeps its collection's translations in folders of it, its own
    pages at its top (the Open Source Guides' ``_articles/hu/``, ``_articles/ja/``...):
    its 13 guides were listed once per language, 377 rows, now 13."""
    root = tmp_path / "site"
    root.mkdir()
    (root / "_config.yml").write_text("collections:\n  articles:\n    output: true\n")
    articles = root / "_articles"
    write_document(articles, "legal.md", "title: The Legal Side\nlang: en")
    write_document(articles, "starting.md", "title: Starting a Project")
    for code, title in {"hu": "Jogi oldal", "es": "Aspectos legales", "ja": "法務"}.items():
        write_document(articles / code, "legal.md", f"title: {title}")
    session = session_on(root, Settings(collections=("*",)))
    try:
        assert titles(session) == {"The Legal Side", "Starting a Project"}
        assert titles(session, text="lang:ja") == {"法務"}
    finally:
        session.close()


def test_two_folders_named_like_languages_in_a_collection_are_subjects(tmp_path: Path) -> None:
    root = tmp_path / "site"
    root.mkdir()
    (root / "_config.yml").write_text("title: A handbook\n")
    write_document(root / "_handbook", "welcome.md", "title: Welcome")
    write_document(root / "_handbook" / "it", "laptops.md", "title: Laptops")
    write_document(root / "_handbook" / "hr", "holidays.md", "title: Holidays")
    session = session_on(root, Settings(collections=("*",)))
    try:
        assert titles(session) == {"Welcome", "Laptops", "Holidays"}
    finally:
        session.close()
