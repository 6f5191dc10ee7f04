"""The handout's sections besides the texts: legend, actors, agency, most used terms and
discussion questions. Each table is small (top rows, with a note of how many more) and carries
the class `keep`, which the print CSS and the PDF renderer keep on one page."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from ..categories import CategoryStyle
from ..comparison.compare import (
    Actor, ActorSide, AgencyLink, Comparison, ProfileRow, rank_descriptors, rank_verbs, rank_words,
)
from ..model import Analysis, Descriptor
from ..palette import print_tint
from .chart import top_terms
from ..kinds import label_name, label_singular
from .highlight import qt_code
from .markup import css_ident, esc, fmt, names_list, plural
from .options import HandoutOptions
from .word_choice_html import word_choice_question


#: How the legend heads each group of categories.
GROUP_NAMES = {"loaded": "Loaded words", "device": "Rhetorical devices"}


def visible_rows(comparison: Comparison, options: HandoutOptions) -> list[ProfileRow]:
    """The profile rows with a term in either text, minus categories hidden on screen."""
    return [
        r for r in comparison.profile
        if (r.left_count or r.right_count) and options.lists_category(r.category)
    ]


def _framing_sample(cat: CategoryStyle, for_qt: bool) -> str:
    style = f' style="text-decoration: underline; color: {qt_code(cat)}"' if for_qt else ""
    return (
        f'<span class="frame {cat.css}" data-category="{esc(cat.id)}"{style}>{esc(cat.name)}</span>'
    )


def legend_html(
    left: Analysis, right: Analysis, comparison: Comparison, cats: Mapping[str, CategoryStyle],
    colours: Mapping[str, str] | None, options: HandoutOptions, for_qt: bool,
) -> str:
    """Entity types (plain names, counts per side) and the numbered framing categories found."""
    lc, rc = Counter(e.label for e in left.entities), Counter(e.label for e in right.entities)
    palette = dict(colours) if colours else None
    items = []
    labels = [label for label in set(lc) | set(rc) if options.lists_label(label)]
    for label in sorted(labels, key=lambda l: (-(lc[l] + rc[l]), l)):
        style = f' style="background-color: {print_tint(label, palette)}"' if for_qt else ""
        sample = f'<span class="ent ent-{css_ident(label)}"{style}>{esc(label_name(label))}</span>'
        items.append(f"{sample}&nbsp;{lc[label]}&nbsp;·&nbsp;{rc[label]}")
    entities = ""
    if options.mode != "framing":  # one flowing paragraph: no table to carry over a page break
        entities = (
            '<p class="small legend-entities"><b>Names, tinted (with a pattern of their own in grey print), '
            "left · right:</b> " + ("; ".join(items) or "none found.") + "</p>"
        )
    found = sorted(visible_rows(comparison, options), key=lambda r: cats[r.category].number)  # legend order
    grouped = len({cats[r.category].group for r in found}) > 1  # loaded words first, then rhetorical devices
    rows = []
    group = ""
    for row in found:
        cat = cats[row.category]
        if grouped and cat.group != group:
            group = cat.group
            rows.append(f'<tr><td colspan="5"><b>{esc(GROUP_NAMES.get(group, group))}</b></td></tr>')
        rows.append(
            f'<tr><td class="num"><b>{cat.number}</b></td><td>{_framing_sample(cat, for_qt)}</td>'
            f'<td>{esc(cat.description)}</td>'
            f'<td class="num">{row.left_count}</td><td class="num">{row.right_count}</td></tr>'
        )
    missing = [cats[r.category].name for r in comparison.profile
               if not (r.left_count or r.right_count) and options.lists_category(r.category)]
    note = (
        f'<p class="small">Not found in either text: {names_list(missing, 12)}.</p>' if missing else ""
    )
    framing = (
        '<table class="data keep legend legend-framing" width="100%"><tr><th width="5%">#</th>'
        '<th width="25%">Framing category</th><th width="54%">What to look for</th><th width="8%">Left</th>'
        '<th width="8%">Right</th></tr>'
        + ("".join(rows) or '<tr><td colspan="5">No framing terms found.</td></tr>')
        + "</table>"
    )
    how = (
        '<p class="small">Framing terms are underlined; the small number after each term is its category. '
        "Counts are terms per text.</p>"
        if options.mode != "cold"
        else '<p class="small">The texts below are printed clean; this is what the app found in them.</p>'
    )
    return f'<h2 id="legend">Legend</h2>{how}{framing}{note}{entities}'


def actor_name(name: str) -> str:
    """An actor's name without list bullets or quotes picked up from the text."""
    return name.strip(" \t•·*-–—\"“”'‘’:;,.") or name


#: Actor kinds a discussion question prefers, most preferred first.
_ACTOR_KINDS = ("PERSON", "ORG", "GPE", "NORP")


def _differing_words(actor: Actor) -> int:
    """How many descriptor words one text uses for `actor` and the other does not."""
    left = {d.word for d in actor.left.descriptors}
    right = {d.word for d in actor.right.descriptors}
    return len(left ^ right) if left and right else 0


def descriptor_summary(descriptors: Sequence[Descriptor], limit: int = 4, *, more: bool = True) -> str:
    """"reckless, regime ×2" — the most frequent descriptor words first (escaped); a
    descriptor's `label` ("not pragmatist") when it has one, else its word."""
    if not descriptors:
        return "—"
    ranked = rank_descriptors(descriptors)
    parts = [f'{esc(word)}{f" ×{n}" if n > 1 else ""}' for word, n in ranked[:limit]]
    if more and len(ranked) > limit:
        parts.append(f"+{len(ranked) - limit}")
    return ", ".join(parts)


def top_actors(comparison: Comparison, limit: int) -> list[Actor]:
    """Up to `limit` actors: those named in both texts first, in salience order (by how much
    both texts say about them), then the one-sided ones taken in turn from the left and the
    right (most named first), so neither text's cast is left out. No actor named more often in
    each text is ever left out for one named less often in each."""
    chosen = list(comparison.shared[:limit])
    sides = [list(comparison.only_left), list(comparison.only_right)]
    for group in sides:
        group.sort(key=lambda a: -a.total)
    while len(chosen) < limit and any(sides):
        for group in sides:
            if group and len(chosen) < limit:
                chosen.append(group.pop(0))
    return chosen


def actors_html(comparison: Comparison, options: HandoutOptions) -> str:
    """The actors of `top_actors` in a table, and one line per side for the rest."""
    actors = list(comparison.actors)
    if not actors:
        return '<h2 id="actors">Actors</h2><p class="small">No people, organisations or places are named.</p>'
    top = top_actors(comparison, options.max_actors)
    rows = "".join(
        f"<tr><td>{esc(actor_name(a.name))}</td><td>{esc(label_singular(a.label))}</td>"
        f'<td class="num">{a.left.count or "—"}</td><td class="num">{a.right.count or "—"}</td>'
        f"<td>{descriptor_summary(a.left.descriptors)}</td><td>{descriptor_summary(a.right.descriptors)}</td></tr>"
        for a in top
    )
    more = len(actors) - len(top)
    notes = [f"{plural(len(comparison.shared), 'actor')} named in both texts."]
    if more:
        notes.append(f"{plural(more, 'more actor')} not in the table.")
    only_left = [actor_name(a.name) for a in comparison.only_left if a not in top]
    only_right = [actor_name(a.name) for a in comparison.only_right if a not in top]
    lines = ""
    if only_left:
        lines += f'<p class="small">Also named only on the left: {names_list(only_left, 8)}.</p>'
    if only_right:
        lines += f'<p class="small">Also named only on the right: {names_list(only_right, 8)}.</p>'
    return (
        '<h2 id="actors">Actors</h2>'
        f'<p class="small">Who each text names, how often, and the words it attaches to them. {" ".join(notes)}</p>'
        '<table class="data keep actors" width="100%"><tr><th width="20%">Actor</th><th width="16%">Kind</th>'
        '<th width="8%">Left</th><th width="8%">Right</th><th width="24%">Left calls them</th>'
        f'<th width="24%">Right calls them</th></tr>{rows}</table>{lines}'
    )


def _agency_words(value: Any) -> tuple[int, list[str]]:
    """(how many, a few words) from agency data: a count, or a sequence of verbs/records."""
    if value is None:
        return 0, []
    if isinstance(value, bool):
        return int(value), []
    if isinstance(value, (int, float)):
        return int(value), []
    if isinstance(value, str):
        return 1, [value]
    items = list(value) if isinstance(value, Iterable) else []
    if items and all(isinstance(item, AgencyLink) for item in items):
        return len(items), [verb for verb, _n in rank_verbs(items)[:3]]  # the telling verbs first
    words = []
    for item in items:
        word = item if isinstance(item, str) else next(
            (getattr(item, name) for name in ("verb", "lemma", "word", "text") if getattr(item, name, None)), None
        )
        if isinstance(word, str):
            words.append(word)
    return len(items), [w for w, _n in rank_words(words)[:3]]


def _agency_cell(side: ActorSide, kind: str) -> str:
    count, words = _agency_words(getattr(side, kind, None))
    if not count:
        return "—"
    return f"{count}" + (f' <span class="small">({esc(", ".join(words))})</span>' if words else "")


def has_agency(comparison: Comparison) -> bool:
    """True when some actor side carries agent/patient data (an `agent` or `patient` that is
    a non-zero count or a non-empty list)."""
    return any(_agency_words(getattr(side, kind, None))[0]
               for a in comparison.actors for side in (a.left, a.right) for kind in ("agent", "patient"))


def agency_html(comparison: Comparison, options: HandoutOptions) -> str:
    """Per actor: how often each text makes it the one who acts, and the one acted on."""

    def weight(actor: Actor) -> int:
        return sum(_agency_words(getattr(s, k, None))[0] for s in (actor.left, actor.right) for k in ("agent", "patient"))

    actors = sorted((a for a in comparison.actors if weight(a)), key=lambda a: -weight(a))
    top = actors[: options.max_actors]
    rows = "".join(
        f"<tr><td>{esc(actor_name(a.name))}</td><td>{_agency_cell(a.left, 'agent')}</td><td>{_agency_cell(a.left, 'patient')}</td>"
        f"<td>{_agency_cell(a.right, 'agent')}</td><td>{_agency_cell(a.right, 'patient')}</td></tr>"
        for a in top
    )
    left_out = len(actors) - len(top)
    more = f" {plural(left_out, 'more actor')} {'is' if left_out == 1 else 'are'} not in the table." if left_out > 0 else ""
    return (
        '<h2 id="agency">Who acts, who is acted on</h2>'
        '<p class="small">How often each text makes an actor the one who does something (“the police detained…”) '
        f"or the one something is done to (“…were detained”).{more}</p>"
        '<table class="data keep agency" width="100%"><tr><th>Actor</th><th>Left: acts</th><th>Left: acted on</th>'
        f"<th>Right: acts</th><th>Right: acted on</th></tr>"
        + (rows or '<tr><td colspan="5">No actor does or undergoes anything the parser could see.</td></tr>')
        + "</table>"
    )


def terms_html(rows: Sequence[ProfileRow], cats: Mapping[str, CategoryStyle], limit: int = 4) -> str:
    """The most used terms per category and side (top `limit`)."""
    body = "".join(
        f"<tr><td>{cats[r.category].number}. {esc(cats[r.category].name)}</td><td>{top_terms(r.left_top, limit)}</td>"
        f"<td>{top_terms(r.right_top, limit)}</td></tr>"
        for r in rows
    )
    return (
        '<h3>Most used terms</h3><table class="data keep terms" width="100%"><tr><th>Category</th><th>Left</th>'
        f"<th>Right</th></tr>{body}</table>"
    )


def _who_would_object(actor: Actor) -> str:
    """The second half of the describing question, in words that fit the actor's kind."""
    name = esc(actor_name(actor.name))
    if actor.label == "PERSON":
        return f"Which words would {name} object to, and which might their supporters use?"
    if actor.label == "ORG":
        return f"Which of these words would a spokesperson for {name} accept, and which would they dispute?"
    if actor.label == "GPE":
        return f"Would people in {name} recognise the picture each text paints? Which words would they object to?"
    if actor.label == "NORP":
        return f"How might {name} feel reading each description? Which words would they object to?"
    return f"What picture of {name} does each text paint, and which words make the difference?"


def questions_html(comparison: Comparison, cats: Mapping[str, CategoryStyle], options: HandoutOptions) -> str:
    """Discussion questions drawn from what the comparison found."""
    questions = [
        "Read the first paragraph of each text. What does each writer want you to think or feel "
        "before you reach the facts?"
    ]
    rows = visible_rows(comparison, options)
    if rows:
        left_top = max(rows, key=lambda r: (r.left_density, -cats[r.category].index))
        right_top = max(rows, key=lambda r: (r.right_density, -cats[r.category].index))
        if left_top.left_count and right_top.right_count and left_top.category == right_top.category:
            questions.append(
                f"Both texts use “{esc(cats[left_top.category].name)}” most. Find two examples in each and "
                "suggest a more neutral word for each. What changes?"
            )
        elif left_top.left_count and right_top.right_count:
            questions.append(
                f"The left text uses “{esc(cats[left_top.category].name)}” most, the right text "
                f"“{esc(cats[right_top.category].name)}”. Find two examples in each and suggest a more neutral "
                "word for each. What changes?"
            )
        gaps = sorted(rows, key=lambda r: -abs(r.left_density - r.right_density))
        gap = gaps[0]
        if gap.left_count != gap.right_count:
            more = "left" if gap.left_density > gap.right_density else "right"
            questions.append(
                f"“{esc(cats[gap.category].name)}” ({fmt(gap.left_density)} against {fmt(gap.right_density)} per "
                f"1,000 words) is where the texts differ most; the {more} text uses it more. Does the difference "
                "change how you see the events?"
            )
    described = [a for a in comparison.shared if _differing_words(a)]
    described.sort(key=lambda a: (-min(_differing_words(a), 3),
                                  _ACTOR_KINDS.index(a.label) if a.label in _ACTOR_KINDS else len(_ACTOR_KINDS)))
    if described:
        actor = described[0]
        questions.append(
            f"How does each text describe {esc(actor_name(actor.name))}? (Left: "
            f"{descriptor_summary(actor.left.descriptors, 3, more=False)}. Right: "
            f"{descriptor_summary(actor.right.descriptors, 3, more=False)}.) {_who_would_object(actor)}"
        )
    # Who is left out: people, organisations, groups and countries or cities (not a street, a
    # building or a river), people first.
    askable = ("PERSON", "ORG", "NORP", "GPE")
    missing = [actor_name(a.name) for side in (comparison.only_left, comparison.only_right)
               for a in sorted((a for a in side if a.label in askable),
                               key=lambda a: (askable.index(a.label), -a.total))[:2]]
    if missing:
        questions.append(
            f"{names_list(missing, 4)} {'appears' if len(missing) == 1 else 'appear'} in only one of the texts. "
            "Why might a writer leave them out, and what does the reader miss?"
        )
    voices = comparison.voices
    if voices.voices and (voices.left.quotes or voices.right.quotes):
        quoted = sum(r.left_quoted + r.right_quoted for r in comparison.profile)
        apart = (f" {plural(quoted, 'loaded word')} inside quotations {'is' if quoted == 1 else 'are'} not counted against the "
                 "writers: whose words are they?") if quoted and not comparison.include_quoted else ""
        questions.append(
            f"Who gets to speak? The left text quotes {voices.left.quotes} time{'s' if voices.left.quotes != 1 else ''}, "
            f"the right text {voices.right.quotes}. Whose voices does each text leave out, and which verbs introduce "
            f"them (said, or admitted, slammed…)?{apart}"
        )
    choice = word_choice_question(comparison) if options.has("wordchoice") else None
    if choice:
        questions.append(choice)
    if has_agency(comparison) and options.has("agency"):
        questions.append(
            "Pick one actor from the agency table. Is it shown as acting or as acted on in each text? "
            "Rewrite one sentence so the roles are reversed."
        )
    questions.append(
        "The lexicon marks words that often frame; it can be wrong. Find one marked term that is fair in "
        "its context, and one loaded word it missed."
    )
    items = "".join(f"<li>{q}</li>" for q in questions)
    return f'<h2 id="questions">Discussion questions</h2><ol class="questions">{items}</ol>'
