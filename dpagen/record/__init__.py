"""The record of processing activities (Art. 30): the controller's (30(1)) or the processor's (30(2)).

``controller_record`` reads one description; ``processor_record`` reads a LIST of descriptions (one per
client the processor serves) and gives one record with a section per controller.
"""

from __future__ import annotations

from .content import Cell, Record, RecordSection, controller_record, processor_record, record_for

__all__ = ["Cell", "Record", "RecordSection", "controller_record", "processor_record", "record_for"]
