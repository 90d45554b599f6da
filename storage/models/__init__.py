"""Every mapped table; importing this package registers them all on ``Base.metadata``.

Each feature has its own module; add the import here when you add one.
"""

from storage.models.base import Base
from storage.models.checkins import (
    CheckInAnswerRow,
    CheckInGroupRow,
    CheckInPrefsRow,
    CheckInQuestionRow,
    CheckInRow,
    SupportRow,
)
from storage.models.core import FlowRow, GroupRow, MembershipRow, PersonRow
from storage.models.delivery import DeliveryRow
from storage.models.discord import PostChannelRow
from storage.models.faq import FaqEntryRow, FaqGapRow
from storage.models.prompts import (
    PromptQuietHoursRow,
    PromptScheduleRow,
    PromptSkipDateRow,
    SkillFeedbackRow,
    SkillSendRow,
)
from storage.models.safety import SafetyAlertRow, SafetyAuditRow, SafetySettingsRow

__all__ = [
    "Base",
    "CheckInAnswerRow",
    "CheckInGroupRow",
    "CheckInPrefsRow",
    "CheckInQuestionRow",
    "CheckInRow",
    "DeliveryRow",
    "FaqEntryRow",
    "FaqGapRow",
    "FlowRow",
    "GroupRow",
    "MembershipRow",
    "PersonRow",
    "PostChannelRow",
    "PromptQuietHoursRow",
    "PromptScheduleRow",
    "PromptSkipDateRow",
    "SafetyAlertRow",
    "SafetyAuditRow",
    "SafetySettingsRow",
    "SkillFeedbackRow",
    "SkillSendRow",
    "SupportRow",
]
