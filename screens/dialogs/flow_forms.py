"""Dialogs to add or edit a node or a connection of the flowchart."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import TypeAdapter
from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Label, Select

from regionet_tui.forms import FormError
from regionet_tui.i18n import t
from regionet_tui.models.stap6 import NODE_KINDS, FlowNode, NodeKind
from regionet_tui.models.text import Name, ShortText

from ..widgets.search_select import SearchSelect
from .form import FormDialog

_NAME = TypeAdapter(Name)
_SHORT = TypeAdapter(ShortText)


@dataclass(frozen=True)
class NodeFields:
    label: str
    kind: NodeKind


@dataclass(frozen=True)
class EdgeFields:
    source: str
    target: str
    label: str


class NodeFormDialog(FormDialog[NodeFields | None]):
    LABELS = {"": "stap6.field_label"}

    def __init__(self, heading: str, node: FlowNode | None = None) -> None:
        super().__init__(heading)
        self._node = node

    def compose_fields(self) -> ComposeResult:
        yield from self.labelled_input("stap6.field_label", "label",
                                       self._node.label if self._node else "")
        yield Label(t("stap6.field_kind"), classes="field-label")
        yield SearchSelect([(t(f"stap6.kind.{k}"), k) for k in NODE_KINDS], id="kind",
                     value=self._node.kind if self._node else "partner", allow_blank=False)

    def build_result(self) -> NodeFields:
        kind = self.chosen("kind", NODE_KINDS)
        assert kind is not None, "the dropdown has no blank"
        return NodeFields(_NAME.validate_python(self.value("label")), kind)


class EdgeFormDialog(FormDialog[EdgeFields | None]):
    LABELS = {"": "stap6.field_edge_label"}

    def __init__(self, heading: str, nodes: list[FlowNode], source: str | None = None,
                 target: str | None = None, label: str = "", fixed_ends: bool = False) -> None:
        super().__init__(heading)
        self._boxes = nodes
        self._source, self._target, self._label = source, target, label
        self._fixed = fixed_ends

    def compose_fields(self) -> ComposeResult:
        options = [(Text(n.label), n.id) for n in self._boxes]  # user text, not markup
        yield Label(t("stap6.field_from"), classes="field-label")
        yield SearchSelect(options, id="source", value=self._source or Select.NULL,
                     disabled=self._fixed, prompt=t("stap6.choose_node"))
        yield Label(t("stap6.field_to"), classes="field-label")
        yield SearchSelect(options, id="target", value=self._target or Select.NULL,
                     disabled=self._fixed, prompt=t("stap6.choose_node"))
        yield from self.labelled_input("stap6.field_edge_label", "label", self._label,
                                       placeholder=t("stap6.edge_label_hint"))

    def build_result(self) -> EdgeFields:
        source = self.query_one("#source", Select).value
        target = self.query_one("#target", Select).value
        if not isinstance(source, str) or not isinstance(target, str):
            raise FormError(t("stap6.error_choose_both"))
        if source == target:
            raise FormError(t("stap6.error_self"))
        return EdgeFields(source, target, _SHORT.validate_python(self.value("label")))
