"""analysis.map.interview: answers of a Q&A interview are the interviewee's speech."""
import pytest

from analysis.map.interview import CUE, interview_answers
from analysis.map.parse import parse_article
from analysis.map.pipeline import analyse_article
from analysis.records import Article

INTERVIEW = (
    "River towns rebuild after the flood\n\n"
    "“We lost the bridge and the school,” Ana Lima, the mayor of Porto Novo, tells our reporter.\n\n"
    "Q: What did the town need first?\n\n"
    "Clean water. The wells were full of mud for a week.\n\n"
    "Then the school, because our families would not come back without it.\n\n"
    "Question: Has the government helped?\n\n"
    "A: Not yet. We were promised 2 million reais in May.\n"
)


def analysed(text, aid="t"):
    return analyse_article(Article(aid, f"{aid}.txt", text))


def test_answers_become_quotes_of_the_interviewee():
    a = analysed(INTERVIEW)
    answers = [q for q in a.quotes if q.cue == CUE]
    assert [q.quote for q in answers] == [
        "Clean water. The wells were full of mud for a week.",
        "Then the school, because our families would not come back without it.",
        "Not yet. We were promised 2 million reais in May.",  # the "A:" label is not speech
    ]
    assert {q.speaker for q in answers} == {"Ana Lima"}
    assert {q.speaker_kind for q in answers} == {"named"} and {q.how for q in answers} == {"interview"}
    for q in a.quotes:
        assert INTERVIEW[q.start:q.end] == q.quote
    questions = [q for q in a.quotes if "need first" in q.quote or "government helped" in q.quote]
    assert not questions, "the interviewer's questions are not the interviewee's speech"


def test_interviewee_becomes_a_source_and_answers_are_quoted_voice():
    a = analysed(INTERVIEW)
    assert "Ana Lima" in {s.source for s in a.sources}
    water = next(i for i, s in enumerate(a.parsed.sentences) if s.text.startswith("Clean water"))
    assert a.quoted[water], "an answer is the interviewee's voice, not the narrator's"


@pytest.mark.parametrize("text", [
    # one question label is not an interview layout
    "A town rebuilds\n\nQ: is the name of the new bridge.\n\nThe mayor said little.\n",
    # no question labels at all
    "A town rebuilds\n\n“We lost the bridge,” Ana Lima said.\n\nThe school reopens in May.\n",
])
def test_not_an_interview(text):
    p = parse_article(Article("n", "n.txt", text))
    assert interview_answers(p, []) == []


@pytest.mark.parametrize("text", [
    # a Q&A explainer: nobody is interviewed
    "Ten questions\n\nQ: Why?\n\nBecause we let the river rise.\n\nQ: When?\n\nIn April, I think.\n",
    # someone is quoted in the introduction, but the answers are the writer's explanations
    ("What to expect from the summit\n\n“It is historic,” the minister, Ana Lima, said.\n\n"
     "Q: What makes it historic?\n\nFor the first time, 190 countries have made pledges.\n\n"
     "Q: What happens next?\n\nNegotiators meet in Paris for two weeks.\n"),
])
def test_explainers_in_question_and_answer_form_are_the_writers_text(text):
    a = analysed(text)
    assert not [q for q in a.quotes if q.cue == CUE]


def test_answers_already_in_quotation_marks_are_left_to_the_quote_finder():
    text = ("Talk\n\n“We rebuild,” Ana Lima told us.\n\nQ: Why?\n\n“Because we must,” she said.\n\n"
            "Q: When?\n\nIn April.\n")
    a = analysed(text)
    assert [q.quote for q in a.quotes if q.cue == CUE] == ["In April."]
    assert any(q.quote.startswith("Because we must") and q.cue != CUE for q in a.quotes)
