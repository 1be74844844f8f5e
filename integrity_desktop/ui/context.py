"""What every screen receives: the open store, the signed-in actor and the language."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from integrity_desktop.permissions import Actor, allowed

if TYPE_CHECKING:
    from integrity_desktop.db.store import Store


@dataclass
class UiContext:
    store: Store
    actor: Actor
    lang: str = "fa"

    def can(self, operation: str) -> bool:
        return allowed(self.actor, operation)
