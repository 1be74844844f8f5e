"""All models, imported here so that ``Base.metadata`` knows every table."""

from integrity_desktop.db.base import Base, Synced
from integrity_desktop.db.models.audit import AuditEntry, AuditSeal
from integrity_desktop.db.models.cases import Case, CaseEvent, CaseStep
from integrity_desktop.db.models.checklists import (
    Checklist,
    ChecklistEntry,
    Template,
    TemplateItem,
    TemplateSection,
)
from integrity_desktop.db.models.committee import (
    CommitteeMeeting,
    CommitteeMember,
    CommitteeResolution,
    TrainingCourse,
)
from integrity_desktop.db.models.evidence import Evidence
from integrity_desktop.db.models.inspections import (
    CorrectiveAction,
    Finding,
    InspectionPlan,
    Inspector,
    PlanItem,
    Visit,
)
from integrity_desktop.db.models.local import StoreMeta, User
from integrity_desktop.db.models.org import Lookup, Office, Unit
from integrity_desktop.db.models.rights import Complaint, OversightLetter, SurveyRound
from integrity_desktop.db.models.sync import (
    Conflict,
    ExportLog,
    HeldRecord,
    ImportLog,
    LocalKey,
    RecordBase,
    TrustedKey,
)

__all__ = [
    "AuditEntry",
    "AuditSeal",
    "Base",
    "Case",
    "CaseEvent",
    "CaseStep",
    "Checklist",
    "ChecklistEntry",
    "CommitteeMeeting",
    "CommitteeMember",
    "CommitteeResolution",
    "Complaint",
    "Conflict",
    "CorrectiveAction",
    "Evidence",
    "ExportLog",
    "Finding",
    "HeldRecord",
    "ImportLog",
    "InspectionPlan",
    "Inspector",
    "LocalKey",
    "Lookup",
    "Office",
    "OversightLetter",
    "PlanItem",
    "RecordBase",
    "StoreMeta",
    "SurveyRound",
    "Synced",
    "Template",
    "TemplateItem",
    "TemplateSection",
    "TrainingCourse",
    "TrustedKey",
    "Unit",
    "User",
    "Visit",
]

# Synced record types in the order an import must apply them (parents before children).
SYNC_MODELS: list[type[Synced]] = [
    Office,
    Unit,
    Lookup,
    Template,
    TemplateSection,
    TemplateItem,
    Checklist,
    ChecklistEntry,
    Inspector,
    InspectionPlan,
    PlanItem,
    Visit,
    Finding,
    CorrectiveAction,
    Case,
    CaseEvent,
    # issue 21: the committee and training registers
    CommitteeMember,
    CommitteeMeeting,
    CommitteeResolution,
    TrainingCourse,
    Complaint,  # people's rights registers (issue 20)
    SurveyRound,
    OversightLetter,
    Evidence,
]
