"""Rich text: catalog markup applies, user text never becomes markup, long text splits cleanly."""

from __future__ import annotations

from bot.rich import Rich, Style, render_template, split
from bot.texts import Catalog


def test_user_text_is_never_parsed_as_markup() -> None:
    rich = render_template("Hi **{name}**, note: {note}", {"name": "A", "note": "**bold** ||x|| <b>"})
    styles = [(span.text, span.style) for span in rich.spans]
    assert ("A", Style.BOLD) in styles
    assert styles[-1] == (", note: **bold** ||x|| <b>", Style.PLAIN)
    assert rich.plain() == "Hi A, note: **bold** ||x|| <b>"


def test_split_prefers_line_breaks_and_keeps_every_character() -> None:
    text = Rich.of("\n".join(f"line {index} " + "x" * 50 for index in range(200)))
    chunks = split(text, 4096)
    assert all(len(chunk) <= 4096 for chunk in chunks)
    assert len(chunks) > 1
    assert all(chunk.plain().startswith("line ") for chunk in chunks)
    joined = "\n".join(chunk.plain() for chunk in chunks)
    assert joined == text.plain()


def test_split_cuts_a_long_word_when_it_must() -> None:
    chunks = split(Rich.of("y" * 5000), 2000)
    assert [len(chunk) for chunk in chunks] == [2000, 2000, 1000]


def test_every_catalog_template_renders() -> None:
    catalog = Catalog.load()
    for key in catalog:
        template = catalog.raw(key)
        assert template.strip(), key
        names = {part.split("}")[0].split(":")[0] for part in template.split("{")[1:]}
        catalog(key, **dict.fromkeys(names, "x"))
