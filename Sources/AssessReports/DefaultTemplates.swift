/// The default report templates, compiled in (no resource bundle at run time). An organization's
/// own templates replace `markdown` or `html` with `assess report --template FILE`; `assess report
/// --default-template markdown|html` prints these as a starting point. docs/REPORTS.md lists the
/// variables.
public enum DefaultTemplates {
  /// The Markdown report (Mustache; values are escaped for Markdown).
  public static let markdown = #"""
    # {{title}}

    | | |
    | --- | --- |
    | Questionnaire | {{questionnaire.title}} ({{questionnaire.id}}), version {{questionnaire.version}} |
    | Content hash | {{questionnaire.hash}} |
    {{#integrity}}
    | Audit trail | {{summary}} |
    {{/integrity}}
    {{#session}}
    | Session | {{id}} |
    | Facilitator | {{facilitator}} |
    | Participants | {{#participants}}{{name}}{{#role}} ({{role}}){{/role}}{{^last()}}; {{/last()}}{{/participants}}{{^participants}}none recorded{{/participants}} |
    | Started | {{started}} |
    | Last change | {{lastChange}} |
    | Status | {{status}} ({{progress.answered}} of {{progress.onPath}} questions on the path answered) |
    {{#signOff}}
    {{#inForce}}
    | Sign-off | {{name}}{{#role}} ({{role}}){{/role}}, {{at}}: {{summary}}{{#override}}; forced past what was missing: {{override}}{{/override}} |
    {{/inForce}}
    {{^inForce}}
    | Sign-off | {{name}}, {{at}}: voided at event #{{voided.seq}}, {{voided.at}}: {{voided.reason}} |
    {{/inForce}}
    {{/signOff}}
    {{^signOff}}
    | Sign-off | not signed off |
    {{/signOff}}
    {{/session}}

    ## Executive summary

    {{#summary}}
    {{#levels}}
    - **{{title}}**: {{label}}{{^label}}not determined yet{{/label}}{{#description}}: {{description}}{{/description}}
    {{/levels}}
    {{#scores}}
    - {{title}}: {{text}}{{#max}} of {{max}}{{/max}}
    {{/scores}}
    - Risks raised: {{risksRaised}} (appetite: {{appetite}}); by rating: {{#ratings}}{{rating}} {{inherent}}{{^last()}}; {{/last()}}{{/ratings}}
    - Plan items above appetite not yet treated: {{untreated}}; overdue as of {{asOf}}: {{overdue}}
    - Open flags: {{openFlags}}; required questions unanswered: {{unanswered}}
    {{/summary}}

    ## Heat map

    Raised risks by likelihood (rows) and severity (columns), inherent ratings.

    {{#heatMap}}
    | Likelihood | {{#severity}}{{.}} | {{/severity}}
    | --- | {{#severity}}--- | {{/severity}}
    {{#rows}}
    | {{likelihood}} | {{#cells}}{{count}} ({{rating}}) | {{/cells}}
    {{/rows}}
    {{/heatMap}}

    ## Risk register

    {{#hasRisks}}
    | Id | Risk | Dimension | Likelihood | Severity | Rating | Residual | Option | Owner | Due | Status |
    | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
    {{/hasRisks}}
    {{#risks}}
    | {{id}} | {{title}} | {{dimension}} | {{inherent.likelihoodLabel}} | {{inherent.severityLabel}} | {{inherent.rating}} | {{#residual}}{{rating}}{{/residual}}{{^residual}}-{{/residual}} | {{option}} | {{owner}} | {{due}} | {{status}} |
    {{/risks}}
    {{^risks}}
    No risks raised.
    {{/risks}}

    ## Treatment plan

    {{#plan}}
    {{#items}}
    ### {{risk}}: {{title}} ({{rating}}{{#residual}}, residual {{residual}}{{/residual}})

    - Option: {{option}}{{^option}}none{{/option}}; owner: {{owner}}{{^owner}}none{{/owner}}{{^ownerConfirmed}}{{#owner}} (proposed){{/owner}}{{/ownerConfirmed}}; due: {{due}}{{^due}}none{{/due}}; status: {{status}}{{#overdue}} (overdue){{/overdue}}
    {{#controls}}
    - Control {{id}}{{#title}}: {{title}}{{/title}}
    {{/controls}}
    {{#actions}}
    - Action: {{.}}
    {{/actions}}
    {{#reason}}
    - Reason: {{reason}}
    {{/reason}}
    {{#stops}}
    - Stops: {{stops}}
    {{/stops}}
    {{#missing}}
    - Missing: {{.}}
    {{/missing}}

    {{/items}}
    {{^items}}
    No risk is above the appetite.

    {{/items}}
    {{#hasRetained}}
    Retained (at or below appetite): {{#retained}}{{risk}} ({{rating}}){{^last()}}; {{/last()}}{{/retained}}

    {{/hasRetained}}
    {{/plan}}
    ## Statement of Applicability

    {{#soa}}
    {{counts.included}} included, {{counts.excluded}} excluded, {{counts.open}} open.

    | Control | Title | Status | Risks | Justification |
    | --- | --- | --- | --- | --- |
    {{#rows}}
    | {{control}} | {{title}} | {{status}}{{#contradicted}} (declared excluded){{/contradicted}} | {{#risks}}{{.}} {{/risks}} | {{reason}} |
    {{/rows}}
    {{#otherControls}}
    | {{control}} | (not Annex A) | included | {{#risks}}{{.}} {{/risks}} | |
    {{/otherControls}}
    {{/soa}}

    ## Answers

    {{#sections}}
    ### {{title}}

    | Question | Answer | By | Notes and flags |
    | --- | --- | --- | --- |
    {{#questions}}
    | {{text}} | {{answer}}{{^answer}}(no answer){{/answer}} | {{by}} | {{#flag}}**Flagged**{{#text}}: {{text}}{{/text}} ({{by}}){{#hasNotes}}; {{/hasNotes}}{{/flag}}{{#notes}}{{text}} ({{by}}){{^last()}}; {{/last()}}{{/notes}} |
    {{/questions}}

    {{/sections}}
    {{#hasSessionNotes}}
    ### Notes on the session

    {{/hasSessionNotes}}
    {{#sessionNotes}}
    - {{text}} ({{by}}, {{at}})
    {{/sessionNotes}}
    {{#agreement}}
    {{#hasQuestions}}

    ### Independent ratings

    {{rated}} questions rated independently, {{unanimous}} unanimous; the lowest agreement {{lowest}}.

    | Question | Agreement | Ratings | Agreed |
    | --- | --- | --- | --- |
    {{#questions}}
    | {{text}} | {{agreement}} | {{#ratings}}{{rater}}: {{answer}}{{^last()}}; {{/last()}}{{/ratings}} | {{agreed}}{{^agreed}}(open){{/agreed}} |
    {{/questions}}
    {{/hasQuestions}}
    {{/agreement}}

    ## Unanswered and kept aside

    {{#unanswered}}
    - Unanswered: {{text}} ({{section}}){{#parked}}, parked{{/parked}}
    {{/unanswered}}
    {{^unanswered}}
    Every required question on the path is answered.
    {{/unanswered}}
    {{#aside}}
    - Kept aside, {{why}}: {{text}}: {{answer}}
    {{/aside}}

    ## Audit trail

    | # | At | By | What |
    | --- | --- | --- | --- |
    {{#history}}
    | {{seq}} | {{at}} | {{by}} | {{what}} |
    {{/history}}
    """#

  /// The HTML report (Mustache; values are escaped for HTML). `{{{css}}}` is the stylesheet below and
  /// `{{{heatMapSVG}}}` the inline SVG heat map.
  public static let html = #"""
    <!DOCTYPE html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>{{title}}</title>
    <style>
    {{{css}}}
    </style>
    </head>
    <body>
    <header class="part">
    <h1>{{title}}</h1>
    <table class="meta">
    <tr><th>Questionnaire</th><td><bdi>{{questionnaire.title}}</bdi> ({{questionnaire.id}}), version {{questionnaire.version}}</td></tr>
    <tr><th>Content hash</th><td class="hash">{{questionnaire.hash}}</td></tr>
    {{#integrity}}
    <tr><th>Audit trail</th><td class="integrity">{{summary}}</td></tr>
    {{/integrity}}
    {{#session}}
    <tr><th>Session</th><td>{{id}}</td></tr>
    <tr><th>Facilitator</th><td><bdi>{{facilitator}}</bdi></td></tr>
    <tr><th>Participants</th><td>{{#participants}}<span class="person"><bdi>{{name}}</bdi>{{#role}} ({{role}}){{/role}}</span>{{^last()}}; {{/last()}}{{/participants}}{{^participants}}none recorded{{/participants}}</td></tr>
    <tr><th>Started</th><td>{{started}}</td></tr>
    <tr><th>Last change</th><td>{{lastChange}}</td></tr>
    <tr><th>Status</th><td><span class="status">{{status}}</span> ({{progress.answered}} of {{progress.onPath}} questions on the path answered)</td></tr>
    {{#signOff}}
    {{#inForce}}
    <tr><th>Sign-off</th><td class="signed"><bdi>{{name}}</bdi>{{#role}} ({{role}}){{/role}}, {{at}}: {{summary}}{{#override}}<br><strong>Forced past what was missing:</strong> <bdi>{{override}}</bdi>{{/override}}</td></tr>
    {{/inForce}}
    {{^inForce}}
    <tr><th>Sign-off</th><td class="voided">by <bdi>{{name}}</bdi>, {{at}}: <strong>voided</strong> at event #{{voided.seq}} ({{voided.at}}): {{voided.reason}}</td></tr>
    {{/inForce}}
    {{/signOff}}
    {{^signOff}}
    <tr><th>Sign-off</th><td>not signed off</td></tr>
    {{/signOff}}
    {{/session}}
    </table>
    </header>

    <section class="part">
    <h2>Executive summary</h2>
    {{#summary}}
    <div class="cards">
    {{#levels}}
    <div class="card"><div class="card-title">{{title}}</div><div class="card-value">{{label}}{{^label}}&ndash;{{/label}}</div>{{#description}}<div class="card-note">{{description}}</div>{{/description}}</div>
    {{/levels}}
    <div class="card"><div class="card-title">Risks raised</div><div class="card-value">{{risksRaised}}</div><div class="card-note">appetite: {{appetite}}</div></div>
    <div class="card"><div class="card-title">Untreated above appetite</div><div class="card-value">{{untreated}}</div><div class="card-note">overdue as of {{asOf}}: {{overdue}}</div></div>
    <div class="card"><div class="card-title">Open flags</div><div class="card-value">{{openFlags}}</div><div class="card-note">unanswered required: {{unanswered}}</div></div>
    </div>
    <div class="columns">
    <div>
    <h3>Scores</h3>
    <table>
    <thead><tr><th>Score</th><th class="num">Value</th><th class="num">Out of</th></tr></thead>
    <tbody>
    {{#scores}}
    <tr><td>{{title}}</td><td class="num">{{text}}</td><td class="num">{{max}}</td></tr>
    {{/scores}}
    </tbody>
    </table>
    <h3>Risks by rating</h3>
    <table>
    <thead><tr><th>Rating</th><th class="num">Inherent</th><th class="num">Residual</th></tr></thead>
    <tbody>
    {{#ratings}}
    <tr><td>{{rating}}{{#aboveAppetite}} <span class="above">above appetite</span>{{/aboveAppetite}}</td><td class="num">{{inherent}}</td><td class="num">{{residual}}</td></tr>
    {{/ratings}}
    </tbody>
    </table>
    </div>
    {{/summary}}
    <div>
    <h3>Heat map</h3>
    <figure class="heatmap">
    {{{heatMapSVG}}}
    <figcaption>Raised risks by likelihood and severity (inherent ratings).</figcaption>
    </figure>
    </div>
    </div>
    </section>

    <section class="part">
    <h2>Risk register</h2>
    {{#hasRisks}}
    <table class="register">
    <thead><tr><th>Id</th><th>Risk</th><th>Dimension</th><th>Likelihood</th><th>Severity</th><th>Rating</th><th>Residual</th><th>Option</th><th>Owner</th><th>Due</th><th>Status</th></tr></thead>
    <tbody>
    {{#risks}}
    <tr><td class="id">{{id}}</td><td><bdi>{{title}}</bdi></td><td>{{dimension}}</td><td>{{inherent.likelihoodLabel}}</td><td>{{inherent.severityLabel}}</td><td>{{#inherent}}<span class="rating tone{{tone}}">{{rating}}</span>{{/inherent}}</td><td>{{#residual}}<span class="rating tone{{tone}}">{{rating}}</span>{{/residual}}{{^residual}}&ndash;{{/residual}}</td><td>{{option}}</td><td><bdi>{{owner}}</bdi></td><td>{{due}}</td><td>{{status}}</td></tr>
    {{/risks}}
    </tbody>
    </table>
    {{/hasRisks}}
    {{^hasRisks}}
    <p>No risks raised.</p>
    {{/hasRisks}}
    </section>

    <section class="part">
    <h2>Treatment plan</h2>
    {{#plan}}
    {{#items}}
    <div class="item{{^treated}} untreated{{/treated}}">
    <h3>{{risk}}: <bdi>{{title}}</bdi> <span class="rating-text">({{rating}}{{#residual}}, residual {{residual}}{{/residual}})</span></h3>
    <table class="fields">
    <tr><th>Option</th><td>{{option}}{{^option}}none{{/option}}</td><th>Owner</th><td><bdi>{{owner}}</bdi>{{^owner}}none{{/owner}}{{^ownerConfirmed}}{{#owner}} <em>(proposed)</em>{{/owner}}{{/ownerConfirmed}}</td></tr>
    <tr><th>Due</th><td>{{due}}{{^due}}none{{/due}}{{#overdue}} <strong class="alert">overdue</strong>{{/overdue}}</td><th>Status</th><td>{{status}}</td></tr>
    </table>
    {{#hasControls}}
    <p><strong>Controls:</strong> {{#controls}}<span class="control">{{id}}{{#title}} {{title}}{{/title}}</span> {{/controls}}</p>
    {{/hasControls}}
    {{#hasActions}}
    <ul class="actions">{{#actions}}<li><bdi>{{.}}</bdi></li>{{/actions}}</ul>
    {{/hasActions}}
    {{#reason}}<p><strong>Reason:</strong> <bdi>{{reason}}</bdi></p>{{/reason}}
    {{#stops}}<p><strong>Stops:</strong> <bdi>{{stops}}</bdi></p>{{/stops}}
    {{#hasMissing}}<p class="missing"><strong>Missing:</strong> {{#missing}}{{.}}{{^last()}}; {{/last()}}{{/missing}}</p>{{/hasMissing}}
    </div>
    {{/items}}
    {{^items}}
    <p>No risk is above the appetite.</p>
    {{/items}}
    {{#hasRetained}}
    <p><strong>Retained</strong> (at or below appetite): {{#retained}}{{risk}} ({{rating}}) {{/retained}}</p>
    {{/hasRetained}}
    {{/plan}}
    </section>

    <section class="part">
    <h2>Statement of Applicability</h2>
    {{#soa}}
    <p>{{counts.included}} included, {{counts.excluded}} excluded, {{counts.open}} open (ISO/IEC 42001 Annex A).</p>
    <table class="soa">
    <thead><tr><th>Control</th><th>Title</th><th>Status</th><th>Risks</th><th>Justification</th></tr></thead>
    <tbody>
    {{#rows}}
    <tr class="{{status}}"><td class="id">{{control}}</td><td>{{title}}</td><td>{{status}}{{#contradicted}} <span class="alert">(declared excluded)</span>{{/contradicted}}</td><td>{{#risks}}{{.}} {{/risks}}</td><td><bdi>{{reason}}</bdi></td></tr>
    {{/rows}}
    {{#otherControls}}
    <tr class="included"><td class="id">{{control}}</td><td>(not Annex A)</td><td>included</td><td>{{#risks}}{{.}} {{/risks}}</td><td></td></tr>
    {{/otherControls}}
    </tbody>
    </table>
    {{/soa}}
    </section>

    <section class="part">
    <h2>Answers</h2>
    {{#sections}}
    <h3>{{title}}</h3>
    <table class="answers">
    <thead><tr><th>Question</th><th>Answer</th><th>By</th><th>Notes and flags</th></tr></thead>
    <tbody>
    {{#questions}}
    <tr><td>{{text}}</td><td><bdi>{{answer}}</bdi>{{^answer}}<em>no answer</em>{{/answer}}</td><td><bdi>{{by}}</bdi></td><td>{{#notes}}<p class="note"><bdi>{{text}}</bdi> <span class="who">(<bdi>{{by}}</bdi>)</span></p>{{/notes}}{{#flag}}<p class="flag">Flagged{{#text}}: <bdi>{{text}}</bdi>{{/text}} <span class="who">(<bdi>{{by}}</bdi>)</span></p>{{/flag}}</td></tr>
    {{/questions}}
    </tbody>
    </table>
    {{/sections}}
    {{#hasSessionNotes}}
    <h3>Notes on the session</h3>
    <ul>{{#sessionNotes}}<li><bdi>{{text}}</bdi> <span class="who">(<bdi>{{by}}</bdi>, {{at}})</span></li>{{/sessionNotes}}</ul>
    {{/hasSessionNotes}}
    {{#agreement}}
    {{#hasQuestions}}
    <h3>Independent ratings</h3>
    <p>{{rated}} questions rated independently, {{unanimous}} unanimous; the lowest agreement {{lowest}}.</p>
    <table>
    <thead><tr><th>Question</th><th>Agreement</th><th>Ratings</th><th>Agreed</th></tr></thead>
    <tbody>
    {{#questions}}
    <tr><td>{{text}}</td><td>{{agreement}}</td><td>{{#ratings}}<bdi>{{rater}}</bdi>: <bdi>{{answer}}</bdi>{{^last()}}<br>{{/last()}}{{/ratings}}</td><td><bdi>{{agreed}}</bdi>{{^agreed}}<em>open</em>{{/agreed}}</td></tr>
    {{/questions}}
    </tbody>
    </table>
    {{/hasQuestions}}
    {{/agreement}}
    <h3>Unanswered and kept aside</h3>
    {{#hasUnanswered}}
    <ul>{{#unanswered}}<li>Unanswered: {{text}} ({{section}}){{#parked}}, parked{{/parked}}</li>{{/unanswered}}</ul>
    {{/hasUnanswered}}
    {{^hasUnanswered}}
    <p>Every required question on the path is answered.</p>
    {{/hasUnanswered}}
    {{#hasAside}}
    <ul>{{#aside}}<li>Kept aside, {{why}}: {{text}}: <bdi>{{answer}}</bdi></li>{{/aside}}</ul>
    {{/hasAside}}
    </section>

    <section class="part">
    <h2>Audit trail</h2>
    <table class="history">
    <thead><tr><th class="num">#</th><th>At</th><th>By</th><th>What</th></tr></thead>
    <tbody>
    {{#history}}
    <tr><td class="num">{{seq}}</td><td class="when">{{at}}</td><td><bdi>{{by}}</bdi></td><td><bdi>{{what}}</bdi></td></tr>
    {{/history}}
    </tbody>
    </table>
    </section>
    </body>
    </html>
    """#

  /// The stylesheet the HTML template inlines, print rules included.
  public static let css = #"""
    :root { --ink: #1d2330; --muted: #5b6475; --line: #d5dae3; --band: #f4f6f9; --accent: #1f4e8c; }
    * { box-sizing: border-box; }
    body { font-family: -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif; color: var(--ink);
      max-width: 1100px; margin: 2rem auto; padding: 0 1.5rem; line-height: 1.45; font-size: 14px; }
    h1 { font-size: 1.7rem; margin: 0 0 1rem; color: var(--accent); }
    h2 { font-size: 1.3rem; border-bottom: 2px solid var(--accent); padding-bottom: .25rem; margin-top: 2.2rem; }
    h3 { font-size: 1.05rem; margin: 1.4rem 0 .5rem; }
    table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
    th, td { text-align: start; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid var(--line);
      unicode-bidi: plaintext; overflow-wrap: break-word; }
    thead th { background: var(--band); font-weight: 600; border-bottom: 2px solid var(--line); white-space: nowrap; }
    table.register { font-size: .92em; }
    table.register th:nth-child(2) { width: 24%; }
    table.register td:nth-child(10) { white-space: nowrap; }
    td.num, th.num { text-align: end; font-variant-numeric: tabular-nums; }
    table.meta th { width: 10rem; color: var(--muted); font-weight: 500; }
    td.hash, td.id, td.when { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .85em; }
    .cards { display: flex; flex-wrap: wrap; gap: .75rem; margin: 1rem 0; }
    .card { flex: 1 1 10rem; border: 1px solid var(--line); border-radius: 6px; padding: .6rem .8rem; background: var(--band); }
    .card-title { color: var(--muted); font-size: .85em; }
    .card-value { font-size: 1.5rem; font-weight: 700; }
    .card-note { color: var(--muted); font-size: .8em; }
    .columns { display: flex; flex-wrap: wrap; gap: 2rem; }
    .columns > div { flex: 1 1 20rem; }
    figure.heatmap { margin: 0; }
    figcaption { color: var(--muted); font-size: .85em; }
    .rating { display: inline-block; white-space: nowrap; padding: 0 .45rem; border-radius: 3px; font-weight: 600; font-size: .9em; }
    .tone0 { background: #2e7d32; color: #fff; } .tone1 { background: #9ccc65; color: #1b1b1b; }
    .tone2 { background: #fbc02d; color: #1b1b1b; } .tone3 { background: #ef6c00; color: #fff; }
    .tone4 { background: #c62828; color: #fff; }
    .above { color: #c62828; font-size: .8em; }
    .alert { color: #c62828; }
    .signed { color: #2e7d32; }
    .voided { color: #c62828; }
    .item { border-left: 4px solid #2e7d32; padding: .1rem 0 .1rem .9rem; margin: 1rem 0; }
    .item.untreated { border-left-color: #c62828; }
    .item h3 { margin-top: .3rem; }
    .rating-text { color: var(--muted); font-weight: 400; }
    table.fields th { width: 6rem; color: var(--muted); font-weight: 500; }
    .control { display: inline-block; background: var(--band); border: 1px solid var(--line); border-radius: 3px;
      padding: 0 .35rem; margin: 0 .2rem .2rem 0; font-size: .9em; }
    .missing { color: #c62828; }
    tr.open td:nth-child(3) { color: var(--muted); font-style: italic; }
    .note, .flag { margin: 0 0 .25rem; }
    .flag { color: #b45309; font-weight: 600; }
    .who { color: var(--muted); font-weight: 400; font-size: .9em; }
    table.answers { table-layout: fixed; }
    table.answers th:nth-child(1) { width: 38%; }
    table.answers th:nth-child(2) { width: 27%; }
    table.answers th:nth-child(3) { width: 12%; }
    @media print {
      body { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; }
      .part { break-before: page; }
      header.part { break-before: auto; }
      h2, h3 { break-after: avoid; }
      tr, .card, .item, figure { break-inside: avoid; }
      thead { display: table-header-group; }
      .tone0, .tone1, .tone2, .tone3, .tone4, .card, thead th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    }
    """#
}
