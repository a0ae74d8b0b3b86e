"""site-builder translate: the none backend, alignment, edits kept, and the openai backend
against a small fake OpenAI-compatible server on 127.0.0.1."""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from site_builder.cli import main
from site_builder.content.blocks import render_block
from site_builder.content.model import Block
from site_builder.content.placeholders import PLACEHOLDER
from site_builder.english.backends import NoneBackend, OpenAIBackend, make_backend
from site_builder.english.check import check_content, read_page
from site_builder.english.rule_blocks import english_credit
from site_builder.english.translator import accept_reply, english_block
from tests.test_check import EN_BLOCKS, EN_META, SLUG, ZH_BLOCKS, ZH_META, write_report

# What the fake server answers, keyed by the Chinese it is asked to translate.
ANSWERS = {
    render_block(zh, 1): render_block(en, 1) for zh, en in zip(ZH_BLOCKS, EN_BLOCKS, strict=True)
}
ANSWERS |= {
    ZH_META["title"]: EN_META["title"],
    ZH_META["subtitle"]: EN_META["subtitle"],
    "总占地": "land area",
}


def en_page(content: Path) -> Path:
    return content / "reports" / SLUG / "index.en.md"


def problem_codes(content: Path) -> list[str]:
    return [p.code for p in check_content(content)]


# -- the none backend ---------------------------------------------------------------------------


def test_none_backend_creates_an_aligned_pending_page(tmp_path, capsys):
    write_report(tmp_path, english=False)
    assert main(["translate", "--content", str(tmp_path)]) == 0
    assert "created" in capsys.readouterr().out
    page = read_page(en_page(tmp_path))
    assert [b.block.kind for b in page.blocks] == [b.kind for b in ZH_BLOCKS]
    assert page.blocks[0].markdown == "<!-- key-figures: glance -->"
    assert all(PLACEHOLDER in b.block.text for b in page.blocks[1:])
    assert page.meta["translation"]["status"] == "pending"
    assert page.meta["title"] == f"{PLACEHOLDER} {ZH_META['title']}"
    assert page.meta["key_figures"] == [
        EN_META["key_figures"][0],  # label from the glossary, text by rule
        EN_META["key_figures"][1],
        EN_META["key_figures"][2] | {"label": f"{PLACEHOLDER} 总占地"},
    ]
    # Aligned, current, no leaks: only "not translated yet" warnings.
    assert set(problem_codes(tmp_path)) == {"W060", "W061"}
    assert main(["check", "--content", str(tmp_path)]) == 0
    assert main(["check", "--content", str(tmp_path), "--strict"]) == 1


def test_placeholders_keep_the_block_form(tmp_path):
    write_report(tmp_path, english=False)
    main(["translate", "--content", str(tmp_path)])
    blocks = read_page(en_page(tmp_path)).blocks
    assert blocks[2].block.sub == "激发高质量发展新动能"
    assert blocks[3].markdown.startswith(f"**\\{PLACEHOLDER[:-1]}\\]")  # the lead stays bold
    assert blocks[4].markdown.endswith("](images/1.jpg)")


def test_a_current_page_is_not_rewritten(tmp_path, capsys):
    write_report(tmp_path)
    before = en_page(tmp_path).read_bytes()
    assert main(["translate", "--content", str(tmp_path)]) == 0
    assert en_page(tmp_path).read_bytes() == before
    assert "unchanged, 0 filled, 0 pending" in capsys.readouterr().out


def test_editor_blocks_kept_and_stale_block_left_for_a_translator(tmp_path):
    folder = write_report(tmp_path)
    en = en_page(tmp_path)
    edited = en.read_text().replace("posted fiscal revenue", "reported fiscal revenue")
    en.write_text(edited, encoding="utf-8")  # an editor's change to a current block
    zh = folder / "index.zh.md"
    zh.write_text(zh.read_text().replace("幸福食堂", "幸福餐厅"), encoding="utf-8")
    assert main(["translate", "--content", str(tmp_path)]) == 0
    after = en.read_text()
    assert "reported fiscal revenue" in after
    assert "The Happiness Canteen of Beiguan Community" in after  # never a placeholder over it
    assert PLACEHOLDER not in after
    assert "E020" in problem_codes(tmp_path)  # still stale: check keeps saying so
    assert read_page(en).meta["translation"]["status"] == "pending"


def test_inserted_chinese_block_gets_a_placeholder_and_the_rest_stays(tmp_path):
    write_report(tmp_path)
    en = en_page(tmp_path)
    before = [b.markdown for b in read_page(en).blocks]
    new = Block("paragraph", "新增段落,共计12个项目。")
    write_report(tmp_path, zh_blocks=[*ZH_BLOCKS[:2], new, *ZH_BLOCKS[2:]], english=False)
    main(["translate", "--content", str(tmp_path)])
    blocks = read_page(en).blocks
    after = [b.markdown for b in blocks]
    assert after[:2] + after[3:] == before
    assert PLACEHOLDER in blocks[2].block.text
    assert not {"E010", "E011", "E020"} & set(problem_codes(tmp_path))


def test_deleted_chinese_block_drops_its_english(tmp_path):
    write_report(tmp_path)
    write_report(tmp_path, zh_blocks=[ZH_BLOCKS[0], *ZH_BLOCKS[2:]], english=False)
    main(["translate", "--content", str(tmp_path)])
    texts = [b.block.text for b in read_page(en_page(tmp_path)).blocks]
    assert texts == [EN_BLOCKS[0].text, *(b.text for b in EN_BLOCKS[2:])]


def test_misaligned_page_is_refused_not_overwritten(tmp_path, capsys):
    write_report(tmp_path, en_blocks=EN_BLOCKS[:-1])
    before = en_page(tmp_path).read_bytes()
    assert main(["translate", "--content", str(tmp_path)]) == 1
    assert en_page(tmp_path).read_bytes() == before
    err = capsys.readouterr().err
    assert "4 English blocks but 5 translation.source_digests" in err
    assert "Traceback" not in err


def test_writes_leave_no_temporary_files(tmp_path):
    folder = write_report(tmp_path, english=False)
    main(["translate", "--content", str(tmp_path)])
    assert sorted(p.name for p in folder.iterdir()) == ["index.en.md", "index.zh.md", "source.txt"]


def test_unknown_backend_is_bad_usage(tmp_path, capsys):
    write_report(tmp_path)
    assert main(["translate", "--content", str(tmp_path), "--backend", "deepl"]) == 2
    assert "unknown backend 'deepl'" in capsys.readouterr().err


def test_openai_without_configuration_is_bad_usage(tmp_path, monkeypatch, capsys):
    for name in ("BASE_URL", "MODEL"):
        monkeypatch.delenv(f"SITE_BUILDER_OPENAI_{name}", raising=False)
    write_report(tmp_path)
    assert main(["translate", "--content", str(tmp_path), "--backend", "openai"]) == 2
    assert "SITE_BUILDER_OPENAI_BASE_URL" in capsys.readouterr().err


def test_backend_from_mkdocs_yml_and_environment(tmp_path, monkeypatch):
    for name in ("BASE_URL", "MODEL", "API_KEY", "TIMEOUT", "RETRIES"):
        monkeypatch.delenv(f"SITE_BUILDER_OPENAI_{name}", raising=False)
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: x\n"
        "markdown_extensions:\n"
        "  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
        "extra:\n"
        "  translate: {backend: openai, base_url: 'http://127.0.0.1:9/v1', model: m1,\n"
        "              api_key_env: MY_KEY, timeout: 5}\n",
        encoding="utf-8",
    )
    content = tmp_path / "content"
    content.mkdir()
    monkeypatch.setenv("MY_KEY", "secret")
    backend = make_backend(None, content)
    assert isinstance(backend, OpenAIBackend)
    assert (backend.url, backend.model, backend.api_key, backend.timeout) == (
        "http://127.0.0.1:9/v1/chat/completions", "m1", "secret", 5.0,
    )  # fmt: skip
    monkeypatch.setenv("SITE_BUILDER_OPENAI_MODEL", "m2")
    assert make_backend(None, content).model == "m2"  # type: ignore[attr-defined]
    assert isinstance(make_backend("none", content), NoneBackend)


# -- replies: reading and accepting -------------------------------------------------------------


def test_english_block_reads_replies_of_each_kind():
    heading = english_block("## Focusing on Projects — New Momentum", ZH_BLOCKS[2])
    assert (heading.text, heading.sub) == ("Focusing on Projects", "New Momentum")
    lead = english_block("**Lead sentence.**Rest of it.", ZH_BLOCKS[3])
    assert lead.text == "Lead sentence. Rest of it." and lead.lead == len("Lead sentence.")
    caption = english_block("![The canteen](images/1.jpg)", ZH_BLOCKS[4])
    assert caption == Block("caption", "The canteen")
    assert english_block("Plain \\*text\\*", ZH_BLOCKS[1]).text == "Plain *text*"


def test_accept_reply():
    figures = [f for f in ZH_META["key_figures"] if f["text"] in ZH_BLOCKS[1].text]
    good = Block("paragraph", "Revenue of 470 million yuan, up 50.7% year on year.")
    assert accept_reply(good, ZH_BLOCKS[1], figures) is None
    dropped = Block("paragraph", "Revenue grew by 50.7%.")
    assert "4.7亿元" in (accept_reply(dropped, ZH_BLOCKS[1], figures) or "")
    leaked = Block("paragraph", "Revenue of 470 million yuan, up 50.7%, 同比增长.")
    assert "Chinese" in (accept_reply(leaked, ZH_BLOCKS[1], figures) or "")
    no_lead = Block("paragraph", "Concentrating on key projects. Nearly 3,000 mu.")
    assert "lead" in (accept_reply(no_lead, ZH_BLOCKS[3], []) or "")
    # a title or label with one would make the page's front matter unreadable (E004)
    control = Block("paragraph", "Revenue of 470 million yuan,\x1b[2J up 50.7% year on year.")
    assert "control character" in (accept_reply(control, ZH_BLOCKS[1], figures) or "")


def test_english_credit_by_rule():
    assert english_credit("(王茂征/文 孙士勇/图)") == "(Text: Wang Maozheng; Photo: Sun Shiyong)"
    assert english_credit("(欧阳修 摄)") == "(Photo: Ouyang Xiu)"
    assert english_credit("(本报讯)") is None


# -- the openai backend against a fake server ---------------------------------------------------


class FakeServer:
    """An OpenAI-compatible /v1/chat/completions endpoint; ``answer(prompt)`` gives the reply."""

    def __init__(self, answer: Callable[[str], str]) -> None:
        self.answer = answer
        self.prompts: list[str] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
                payload = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                prompt = payload["messages"][-1]["content"]
                server.prompts.append(prompt)
                reply = {
                    "choices": [
                        {"message": {"role": "assistant", "content": server.answer(prompt)}}
                    ]
                }
                body = json.dumps(reply).encode("utf-8")
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def translate_from(prompt: str) -> str:
    chinese = prompt.rsplit("to translate:\n", 1)[1]
    return ANSWERS.get(chinese, "Something else entirely")


@pytest.fixture
def openai_env(monkeypatch) -> Iterator[Callable[[Callable[[str], str]], FakeServer]]:
    servers: list[FakeServer] = []

    def start(answer: Callable[[str], str]) -> FakeServer:
        server = FakeServer(answer)
        servers.append(server)
        monkeypatch.setenv("SITE_BUILDER_OPENAI_BASE_URL", server.url)
        monkeypatch.setenv("SITE_BUILDER_OPENAI_MODEL", "fake-model")
        monkeypatch.setenv("SITE_BUILDER_OPENAI_RETRIES", "0")
        monkeypatch.setenv("SITE_BUILDER_OPENAI_TIMEOUT", "5")
        return server

    yield start
    for server in servers:
        server.close()


def test_openai_fills_every_block_and_marks_machine(tmp_path, openai_env):
    server = openai_env(translate_from)
    write_report(tmp_path, english=False)
    assert main(["translate", "--content", str(tmp_path), "--backend", "openai"]) == 0
    page = read_page(en_page(tmp_path))
    assert [b.block for b in page.blocks] == EN_BLOCKS
    assert page.meta["title"] == EN_META["title"]
    assert page.meta["key_figures"][2]["label"] == "land area"
    assert page.meta["translation"]["status"] == "machine"
    assert problem_codes(tmp_path) == ["W061"]
    # The prompt carries the block, its neighbours, its glossary terms and figures by rule.
    prompt = next(p for p in server.prompts if "总占地近3000亩" in p.rsplit("to translate:", 1)[1])
    assert "Previous block" in prompt and "聚焦项目建设" in prompt
    assert "双招双引 → attracting investment and talent" in prompt
    assert "3000亩 → nearly 3,000 mu (about 200 hectares)" in prompt


def test_openai_reply_that_drops_a_figure_is_rejected(tmp_path, openai_env, capsys):
    def drop_revenue(prompt: str) -> str:
        if "4.7亿元" in prompt.rsplit("to translate:\n", 1)[1]:
            return "In 2021, fiscal revenue grew, up 50.7% year on year."
        return translate_from(prompt)

    server = openai_env(drop_revenue)
    write_report(tmp_path, english=False)
    assert main(["translate", "--content", str(tmp_path), "--backend", "openai"]) == 1
    page = read_page(en_page(tmp_path))
    assert PLACEHOLDER in page.blocks[1].block.text  # left pending, not half translated
    assert page.blocks[2].block == EN_BLOCKS[2]
    assert page.meta["translation"]["status"] == "pending"
    asked = [p for p in server.prompts if "4.7亿元" in p.rsplit("to translate:\n", 1)[1]]
    assert len(asked) == 3  # tried, retried, then left pending
    assert "the figure 4.7亿元 (470 million yuan) is missing" in asked[1]
    assert "1 pending" in capsys.readouterr().out


def test_openai_replaces_a_stale_block_and_says_so(tmp_path, openai_env, capsys):
    openai_env(translate_from)
    folder = write_report(tmp_path)
    zh = folder / "index.zh.md"
    zh.write_text(zh.read_text().replace("幸福食堂", "幸福餐厅"), encoding="utf-8")
    ANSWERS["![北关社区幸福餐厅](images/1.jpg)"] = "![The Happiness Restaurant](images/1.jpg)"
    try:
        assert main(["translate", "--content", str(tmp_path), "--backend", "openai"]) == 0
    finally:
        del ANSWERS["![北关社区幸福餐厅](images/1.jpg)"]
    assert "replaced stale caption" in capsys.readouterr().out
    page = read_page(en_page(tmp_path))
    assert page.blocks[4].block.text == "The Happiness Restaurant"
    assert page.blocks[1].block == EN_BLOCKS[1]
    assert page.meta["translation"]["status"] == "machine"
    assert problem_codes(tmp_path) == ["W061"]


def test_openai_server_down_is_one_clear_line(tmp_path, monkeypatch, capsys):
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    monkeypatch.setenv("SITE_BUILDER_OPENAI_BASE_URL", f"http://127.0.0.1:{port}/v1")
    monkeypatch.setenv("SITE_BUILDER_OPENAI_MODEL", "fake-model")
    monkeypatch.setenv("SITE_BUILDER_OPENAI_RETRIES", "1")
    write_report(tmp_path, english=False)
    assert main(["translate", "--content", str(tmp_path), "--backend", "openai"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "not reachable" in err and f"127.0.0.1:{port}" in err and "after 2 tries" in err
    page = read_page(en_page(tmp_path))  # still created, aligned, with placeholders
    assert len(page.blocks) == len(ZH_BLOCKS)
    assert page.meta["translation"]["status"] == "pending"


def test_openai_garbage_reply_is_retried(tmp_path, openai_env):
    openai_env(lambda prompt: "")
    write_report(tmp_path, english=False)
    assert main(["translate", "--content", str(tmp_path), "--backend", "openai"]) == 1
    assert read_page(en_page(tmp_path)).meta["translation"]["status"] == "pending"


@pytest.mark.parametrize(
    "wrong, why",
    [
        ("In 2021, fiscal revenue was 470 million yuan, down 50.7% year on year.", "a decline"),
        ("In 2021, fiscal revenue was 470 million mu, up 50.7% year on year.", "'mu'"),
    ],
    ids=["flipped direction", "swapped unit"],
)
def test_openai_reply_with_a_wrong_figure_is_rejected(tmp_path, openai_env, wrong, why):
    def answer(prompt: str) -> str:
        if "4.7亿元" in prompt.rsplit("to translate:\n", 1)[1]:
            return wrong
        return translate_from(prompt)

    server = openai_env(answer)
    write_report(tmp_path, english=False)
    assert main(["translate", "--content", str(tmp_path), "--backend", "openai"]) == 1
    page = read_page(en_page(tmp_path))
    assert PLACEHOLDER in page.blocks[1].block.text  # never accepted
    asked = [p for p in server.prompts if "4.7亿元" in p.rsplit("to translate:\n", 1)[1]]
    assert len(asked) == 3 and why in asked[1]
