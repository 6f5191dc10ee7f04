"""The ten-minute lesson as steps, kept as data in the app (the guide works offline and does not
read the documentation folder, which is not installed): each step's title, time, what to do and
say in two or three sentences, and the menu commands it uses, shown as buttons."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Step:
    """One step of the lesson: `commands` are command ids (the buttons run them)."""

    title: str
    minutes: int
    text: str
    ask: str = ""  # a question for the class, if the step has one
    commands: tuple[str, ...] = ()


LESSON: tuple[Step, ...] = (
    Step("Before class", 2,
         "Open two articles that report the same events, or the sample pair: two invented op-eds about "
         "one border crisis, one calling it aggression, one defence. You can also copy an article from a "
         "web page and paste it into a pane.",
         commands=("open_pair", "open_samples", "paste_left", "paste_right")),
    Step("Read first", 2,
         "Presenter mode makes the type large for the projector. Hide every highlight and let the class "
         "read both texts cold; the caption under the texts says that nothing is shown yet.",
         ask="Who did what to whom, according to each writer?",
         commands=("presenter", "hide_for_reading")),
    Step("Spot the framing", 2,
         "Students click the words they find loaded (a second click unmarks), then Check shows what they "
         "found, what they missed and what only they marked. Talk about “yours only” first: the lexicon "
         "is not the truth. Esc leaves the exercise.",
         commands=("exercise", "exercise_check")),
    Step("Reveal", 2,
         "Bring the loaded words back one kind at a time; the caption names each kind and counts it in "
         "both texts. Hover a word to see why it is marked and a more neutral word. Right-click a word "
         "for Not Loaded Here or Mark as Loaded; Undo takes either back.",
         commands=("reveal_next", "show_all", "undo")),
    Step("Line up the passages", 1,
         "Comparing tints the passages that report the same thing in the same faint colour in both texts; "
         "a grey bar in the margin marks what only one text tells. Go to Counterpart jumps from a passage "
         "to its match.",
         ask="What does each writer leave out?",
         commands=("preset_comparing", "go_to_counterpart")),
    Step("Compare the actors", 2,
         "In the Comparison panel under the texts, click an actor: every mention lights up in both texts, "
         "and the table shows the words each text attaches to them. The “Who does what to whom” tab shows "
         "who acts and who is acted on; Everything also marks passives that do not say who did it.",
         ask="Which words would this actor object to?",
         commands=("next_mention", "preset_everything", "legend")),
    Step("Take it home", 1,
         "Export a handout that prints well in grey, or save a lesson file: students open it on their own "
         "computers and see the same texts, titles, edits and exercise.",
         commands=("export", "save_session")),
)
