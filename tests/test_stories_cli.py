"""The `stories` subcommand: human-readable and JSON output, exit codes, messages instead of tracebacks."""
import io
import json
from pathlib import Path

from layout.stories_cli import run_stories

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "jiceng-page.txt"
DATA = ROOT / "tests" / "data" / "import"


def run(args):
    out, err = io.StringIO(), io.StringIO()
    code = run_stories(args, out, err)
    return code, out.getvalue(), err.getvalue()


def test_json_output_follows_the_documented_schema():
    code, out, err = run([str(SAMPLE), "--json"])
    assert code == 0 and not err
    doc = json.loads(out)
    assert doc["version"] == 1
    assert doc["counts"] == {"stories": 13, "articles": 11, "photos": 1, "packages": 1, "sub_stories": 4,
                             "report": len(doc["report"])}
    photo = next(s for s in doc["stories"] if s["kind"] == "photo")
    assert photo["headline"] == {"kicker": "", "main": ["直升机作业保障大电网"], "sub": ""}
    assert photo["credits"] == "姚羽霞 吴梦璐 董心怡"
    assert photo["paragraphs"][0]["role"] == "caption"
    assert photo["chars"]["han"] > 100 and photo["chars"]["total"] >= photo["chars"]["han"]
    assert {e["kind"] for e in doc["report"]} >= {"join", "punct", "byline", "continued"}
    assert set(doc["report"][0]) == {"story", "paragraph", "field", "kind", "before", "after", "message"}


def test_human_output_lists_stories_and_the_report():
    code, out, _ = run([str(DATA / "kicker_sub.txt")])
    assert code == 0
    assert "kicker:   温州鹿城持续优化营商环境" in out
    assert "headline: 小微企业 | 办事更便捷" in out
    assert "subtitle: ——“一窗受理”改革推行半年见成效" in out
    assert "Import report:" in out and ", → ，" in out


def test_no_normalise_keeps_ascii_punctuation():
    code, out, _ = run([str(DATA / "kicker_sub.txt"), "--json", "--no-normalise"])
    doc = json.loads(out)
    assert code == 0 and "," in doc["stories"][0]["paragraphs"][0]["text"]
    assert not [e for e in doc["report"] if e["kind"] == "punct"]


def test_user_errors_exit_1_with_one_message_and_no_traceback():
    for args in ([str(DATA / "empty.txt")], [str(DATA / "binary.dat")], ["/no/such/copy.txt"], [], ["--bogus"]):
        code, out, err = run(args)
        assert code == 1 and not out
        assert err.startswith("error: ") and "Traceback" not in err and err.count("\n") == 1
