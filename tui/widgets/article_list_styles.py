"""The article list's parts and how they look by default, NO_COLOR included.

Kept apart from the widget: its rows are painted a part at a time from these styles
(``article_row.row_look``), so a change of looks (which the SVG snapshots check) does
not touch the code that pages, moves and paints the list, nor the other way round.
"""

PARTS = {
    "article-list--cursor",
    "article-list--unread",
    "article-list--read",
    "article-list--date",
    "article-list--provider",
    "article-list--quality",
    "article-list--star",
    "article-list--empty",
    "article-list--unpublished",
    "article-list--tag",
}

# The widget leaves them unscoped (``SCOPED_CSS = False``): the NO_COLOR rules start from
# the App.
STYLES = """
ArticleList {
    height: 1fr;
    overflow-x: hidden;
    scrollbar-size-vertical: 1;
}

ArticleList > .article-list--cursor {
    background: $accent 40%;
    color: $text;
}

ArticleList:focus > .article-list--cursor {
    background: $accent;
    color: $text;
}

/* NO_COLOR: Textual drops colours; the cursor and focus show through text styles. */
App:nocolor ArticleList > .article-list--cursor {
    text-style: reverse;
}

App:nocolor ArticleList:focus > .article-list--cursor {
    text-style: reverse bold;
}

ArticleList > .article-list--unread {
    text-style: bold;
}

ArticleList > .article-list--read,
ArticleList > .article-list--date,
ArticleList > .article-list--provider,
ArticleList > .article-list--quality {
    color: $text-muted;
}

ArticleList > .article-list--star {
    color: $text-warning;
}

ArticleList > .article-list--empty {
    color: $text-muted;
    text-style: italic;
}

ArticleList > .article-list--unpublished {
    text-style: dim;
}

ArticleList > .article-list--tag {
    color: $text-muted;
    text-style: italic;
}
"""
