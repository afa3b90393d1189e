#!/usr/bin/env python3
"""Seed corpora for the fuzz targets, made from what the repository already has (scripts/fuzz.sh seeds).

Usage: make-seeds.py OUT    (writes OUT/TARGET/NAME for every target but the CLI-made event logs)
"""
import hashlib
import json
import os
import re
import sys
import glob

try:
    import yaml  # PyYAML: optional; without it the seeds that need YAML parsing are made by patterns or left out
except ImportError:
    yaml = None
    print("note: no PyYAML; fewer seeds (pip install pyyaml for all)", file=sys.stderr)

out = sys.argv[1]
MAX = 60_000  # below the targets' -max_len


def write(target, data, hint=""):
    if isinstance(data, str):
        data = data.encode("utf-8")
    if not data or len(data) > MAX:
        return
    name = (hint + "-" if hint else "") + hashlib.sha1(data).hexdigest()[:12]
    with open(os.path.join(out, target, name), "wb") as f:
        f.write(data)


def walk(node):
    yield node
    if isinstance(node, dict):
        for v in node.values():
            yield from walk(v)
    elif isinstance(node, list):
        for v in node:
            yield from walk(v)


questionnaires = sorted(glob.glob("questionnaires/*.yaml"))

# --- Our expressions: every `value`, `when`, ... of the questionnaires and their fixtures.
EXPR_KEYS = {"value", "when", "if", "unless", "likelihood", "severity", "applies"}
for path in questionnaires:
    if yaml is None:
        for m in re.finditer(r"^\s*-?\s*(?:%s):\s*(.+)$" % "|".join(EXPR_KEYS), open(path).read(), re.M):
            write("expression", m.group(1).strip().strip('"'), "q")
        continue
    doc = yaml.safe_load(open(path))
    for node in walk(doc):
        if isinstance(node, dict):
            for k, v in node.items():
                if k in EXPR_KEYS and isinstance(v, (str, int, float)) and not isinstance(v, bool):
                    write("expression", str(v), "q")
for path in ["docs/FORMAT.md"]:
    if os.path.exists(path):
        for m in re.finditer(r"`([^`\n]{3,120})`", open(path).read()):
            if re.search(r"[=<>()]| and | or |not ", m.group(1)):
                write("expression", m.group(1), "doc")

# --- SurveyJS expressions: every condition and expression of the SurveyJS forms.
SJS_KEYS = {"visibleIf", "enableIf", "requiredIf", "expression", "defaultValueExpression",
            "setValueIf", "setValueExpression", "resetValueIf", "choicesVisibleIf", "choicesEnableIf",
            "minValueExpression", "maxValueExpression", "rateValuesVisibleIf", "runExpression"}
forms = sorted(glob.glob("Tests/Fixtures/surveyjs/*.json")) + sorted(glob.glob("Tests/Fixtures/aia/*.json"))
for path in forms:
    doc = json.load(open(path))
    for node in walk(doc):
        if isinstance(node, dict):
            for k, v in node.items():
                if k in SJS_KEYS and isinstance(v, str):
                    write("surveyjs-expression", v, "form")

# --- SurveyJS forms: the fixtures, and each page of a large form as a form of its own.
for path in forms:
    text = open(path, "rb").read()
    write("surveyjs", text, os.path.basename(path).split(".")[0])
    doc = json.loads(text)
    for i, page in enumerate(doc.get("pages", [])):
        write("surveyjs", json.dumps({"title": doc.get("title", "form"), "pages": [page]}), "page%d" % i)

# --- Questionnaires: the small ones whole; the large ones cut into one questionnaire per section.
for path in questionnaires + ["Tests/Fixtures/broken.yaml"]:
    text = open(path, "rb").read()
    base = os.path.basename(path).split(".")[0]
    write("questionnaire", text, base)
    if yaml is None:
        continue
    doc = yaml.safe_load(text)
    sections = doc.get("sections", []) if isinstance(doc, dict) else []
    if len(text) > MAX:
        for i, section in enumerate(sections):
            part = {k: v for k, v in doc.items() if k not in ("sections", "risks", "controls")}
            part["sections"] = [section]
            write("questionnaire", yaml.safe_dump(part, sort_keys=False, allow_unicode=True), "%s-s%d" % (base, i))
        if doc.get("risks"):
            part = {k: v for k, v in doc.items() if k not in ("risks",)}
            part["sections"] = sections[:1]
            part["risks"] = doc["risks"][:3]
            write("questionnaire", yaml.safe_dump(part, sort_keys=False, allow_unicode=True), base + "-risks")

# --- Answers (read against questionnaires/example.yaml): the example answers, the built-ins'
# answer fixtures, and per question of the example one answer of each option or kind, as YAML and JSON.
answer_files = ["examples/example-answers.yaml"] + sorted(glob.glob("Tests/Fixtures/builtins/*/*.yaml"))
for path in answer_files:
    text = open(path, "rb").read()
    write("answers", text, "file")
    data = yaml.safe_load(text) if yaml else None
    if isinstance(data, dict):
        write("answers", json.dumps(data, default=str), "json")
        write("answers", json.dumps(data, default=str, indent=2), "json")
example = yaml.safe_load(open("questionnaires/example.yaml")) if yaml else {}
SAMPLES = {"text": ["a system", ""], "number": [0, 12.5, -1], "integer": [3], "scale": [1, 5],
           "yesno": [True, False, "yes", "no"], "date": ["2026-01-31"]}
for section in example.get("sections", []):
    for q in section.get("questions", []):
        qid, kind = q.get("id"), q.get("type", "text")
        options = [o.get("value", o.get("id")) if isinstance(o, dict) else o for o in q.get("options", [])]
        values = list(options) + SAMPLES.get(kind, ["x", 1])
        if kind in ("multiple", "multi", "checkbox"):
            values = [options[:2], options, []]
        for v in values:
            write("answers", yaml.safe_dump({qid: v}, allow_unicode=True), "one")
            write("answers", json.dumps({qid: v}), "one")

# --- Event logs: any JSON lines of events the tests hold inline ("type":"created" ...).
for path in sorted(glob.glob("Tests/**/*.swift", recursive=True)):
    lines = [m.group(0).replace('\\"', '"') for m in re.finditer(r'\{\\?"seq\\?":[^\n]*?\}(?=\\n|"|$)', open(path).read())]
    if lines:
        write("eventlog", "\n".join(lines) + "\n", "test")
        for line in lines:
            write("eventlog", line + "\n", "line")
