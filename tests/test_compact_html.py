"""Pages lose the theme's indentation, not their text or their preformatted blocks."""

from site_builder.site.compact_html import drop_indentation


def test_indentation_and_empty_lines_become_one_line_break():
    page = "<ul>\n    <li>一</li>\n\n      <li>two  words</li>\n</ul>\n"
    assert drop_indentation(page) == "<ul>\n<li>一</li>\n<li>two  words</li>\n</ul>\n"


def test_preformatted_and_script_text_is_kept_as_written():
    page = (
        "<div>\n  <pre><code>@article{x,\n  title = {A},\n}</code></pre>\n"
        "  <p>Inline <code>a\n    b</code></p>\n"
        "  <textarea>\n  kept\n</textarea>\n"
        "  <script>\n  if (a) {\n    b()\n  }\n</script>\n</div>"
    )
    assert drop_indentation(page) == (
        "<div>\n<pre><code>@article{x,\n  title = {A},\n}</code></pre>\n"
        "<p>Inline <code>a\n    b</code></p>\n"
        "<textarea>\n  kept\n</textarea>\n"
        "<script>\n  if (a) {\n    b()\n  }\n</script>\n</div>"
    )


def test_spaces_inside_a_line_are_left_alone():
    page = '<p title="a  b">x   y</p>\n\t<p>z</p>'
    assert drop_indentation(page) == '<p title="a  b">x   y</p>\n<p>z</p>'
