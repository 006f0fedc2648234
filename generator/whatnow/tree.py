"""'What do I do now?': the protocol's own decisions as a tree of questions. Pure: data in, tree out.

The first question is who you are (one answer per role). A role with more than one start asks
what happened (one answer per start). A role with `asks_first` (its file) is asked one thing before its
first decision: a parent whether they have talked to the mentor yet, because the parents' first
decision ("after talking to the mentor, would you like to talk to someone else too?") is about
afterwards. "Not yet" leads to the steps before that decision (contact the mentor); "yes" to the
decision. Then the walk follows the role's steps from there: a decision is asked as a question
(its branch labels are the answers); steps are collected. The walk stops at the first decision
after the steps that follow an answer: those steps are what to do now, and that decision is what
comes after. A step of another role ends the walk too: it is the hand-over, and that role takes
it from there.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.model import Node, Protocol, Role, Text


@dataclass(frozen=True)
class Outcome:
    role: str
    items: tuple[Node, ...]  # in order: steps of this role, and the hand-overs to other roles
    later: tuple[Node, ...] = ()  # where this role goes on afterwards (a later decision or step)

    @property
    def steps(self) -> tuple[Node, ...]:
        return tuple(n for n in self.items if n.role == self.role)


@dataclass(frozen=True)
class Answer:
    label: Text
    leads_to: Question | Outcome


@dataclass(frozen=True)
class Question:
    key: str  # "role", "start:<role id>" or a decision's node id
    text: Text
    answers: tuple[Answer, ...]
    node: Node | None = None  # the decision this question is, if any


def role_name(role: Role) -> Text:
    """'SEN coordinator', 'Mentor': the role's display name in every language (the helper's answers)."""
    return Text({lang: role.display_name(lang) for lang in role.name})


def build(protocol: Protocol) -> Question:
    """The whole helper: who are you? -> (what happened?) -> the role's decisions -> what to do now."""
    return Question(
        key="role",
        text=protocol.labels["whatnow_who"],
        answers=tuple(Answer(role_name(role), _for_role(protocol, role)) for role in protocol.roles.values()),
    )


def _for_role(protocol: Protocol, role: Role) -> Question | Outcome:
    if len(role.start) == 1:
        return _Walk(protocol, role).from_node(role.start[0])
    return Question(
        key=f"start:{role.id}",
        text=protocol.labels["whatnow_what"],
        answers=tuple(Answer(role.nodes[start].title, _Walk(protocol, role).from_node(start)) for start in role.start),
    )


class _Walk:
    """One path through a role: what has been collected so far and which questions were asked."""

    def __init__(self, protocol: Protocol, role: Role, items: tuple[Node, ...] = (), asked: frozenset = frozenset()):
        self.protocol, self.role, self.items, self.asked = protocol, role, items, asked

    def from_node(self, node_id: str) -> Question | Outcome:
        items = list(self.items)
        answered = bool(self.asked)
        since_answer = 0
        later: list[Node] = []
        current: str | None = node_id
        while current is not None:
            node = self.protocol.node(current)
            if node.role != self.role.id:  # a branch straight to another role: the hand-over
                items.append(node)
                break
            if node.is_decision:
                if node.id in self.asked or (answered and since_answer):
                    later.append(node)
                    break
                if not self.asked and items and self.role.asks_first:
                    return self._ask_first(node, tuple(items))
                return self._ask(node, tuple(items))
            if node in items:  # back to a step already on this path (a loop): stop here
                later.append(node)
                break
            items.append(node)
            since_answer += 1
            own = [t for t in node.next if self.protocol.node(t).role == self.role.id]
            items.extend(self.protocol.node(t) for t in node.next if t not in own)
            later.extend(self.protocol.node(t) for t in own[1:])
            current = own[0] if own else None
        return Outcome(role=self.role.id, items=tuple(items), later=tuple(later))

    def _ask_first(self, decision: Node, items: tuple[Node, ...]) -> Question:
        """Have you done the steps before this decision yet? No: they are what to do now, and the
        decision comes after. Yes: the decision, without them."""
        labels = self.protocol.labels
        return Question(
            key=f"first:{self.role.id}",
            text=labels[self.role.asks_first],
            answers=(
                Answer(labels["whatnow_no_formal"], Outcome(role=self.role.id, items=items, later=(decision,))),
                Answer(labels["whatnow_yes"], self._ask(decision, ())),
            ),
        )

    def _ask(self, decision: Node, items: tuple[Node, ...]) -> Question:
        walk = _Walk(self.protocol, self.role, items, self.asked | {decision.id})
        return Question(
            key=decision.id,
            text=decision.title,
            node=decision,
            answers=tuple(Answer(branch.label, walk.from_node(branch.next)) for branch in decision.branches),
        )


def outcomes(question: Question) -> list[tuple[tuple[str, ...], Outcome]]:
    """Every path through the helper, as (the answers' keys, the outcome), depth first."""
    found: list[tuple[tuple[str, ...], Outcome]] = []

    def visit(q: Question, path: tuple[str, ...]) -> None:
        for i, answer in enumerate(q.answers):
            step = path + (f"{q.key}#{i}",)
            if isinstance(answer.leads_to, Outcome):
                found.append((step, answer.leads_to))
            else:
                visit(answer.leads_to, step)

    visit(question, ())
    return found
