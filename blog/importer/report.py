"""The import report: what one file became, what was left out and what a person must check.

One `ImportReport` per file. The command prints `as_text()`; the admin view shows
the same sections as messages on the new draft's edit page.
"""

from collections import Counter
from dataclasses import dataclass, field


@dataclass
class ImportReport:
    source: str
    title: str = ""
    #: "created", "updated", "would create", "would update" or "failed".
    action: str = ""
    page_id: int | None = None
    slug: str = ""
    error: str = ""
    blocks: Counter = field(default_factory=Counter)
    references: int = 0
    #: ``[(text, reason), ...]``
    dropped: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    #: ``[(link text, url), ...]`` of links to other sites kept in the text.
    external_links: list = field(default_factory=list)
    #: Pictures saved in the image library (Word documents).
    images: int = 0
    #: Content-check findings (health_content.checks.Finding) on the imported draft.
    findings: list = field(default_factory=list)

    @property
    def failed(self):
        return bool(self.error)

    def warn(self, message):
        if message not in self.warnings:
            self.warnings.append(message)

    def blocks_summary(self):
        """e.g. "section: 5, faq: 1", in order of first use."""
        return ", ".join(f"{name}: {count}" for name, count in self.blocks.items()) or "none"

    def as_text(self):
        lines = [f"== {self.source}"]
        if self.failed:
            lines.append(f"   FAILED: {self.error}")
            return "\n".join(lines)
        page = f" (page #{self.page_id})" if self.page_id else ""
        lines.append(f"   {self.action}: “{self.title}” /{self.slug}/{page}")
        lines.append(f"   blocks: {self.blocks_summary()}")
        lines.append(f"   references: {self.references}")
        for heading, items in self.sections():
            lines.append(f"   {heading} ({len(items)}):")
            lines.extend(f"     - {item}" for item in items)
        return "\n".join(lines)

    def sections(self):
        """``[(heading, [line, ...]), ...]`` of the report's non-empty lists."""
        sections = [
            ("warnings", self.warnings),
            ("notes", self.notes),
            ("dropped lines", [f"{text}  [{reason}]" for text, reason in self.dropped]),
            ("links to other sites", [f"{text} <{url}>" for text, url in self.external_links]),
            (
                "content checks",
                [f"{f.severity.upper()} [{f.check}] {f.path}: {f.message}" for f in self.findings],
            ),
        ]
        return [(heading, items) for heading, items in sections if items]
