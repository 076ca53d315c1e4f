// Wagtail's Checks side panel lists what its own checks (Axe) find in the preview.
// After each of its runs the preview controller fires `w-preview:content`; then this
// asks the server for the medical-content findings on what the preview shows
// (health_content.checks_admin.PreviewFindingsView) and adds them to the same list
// with Wagtail's row template, counted in the panel's counters. The server decides
// what is found: nothing here checks content. Text goes in with textContent only.
(() => {
  const SEVERITY = { blocking: "Blocking", warning: "Warning", info: "Note" };
  let latestRequest = 0;

  const findingRow = (template, finding, index) => {
    const row = template.content.firstElementChild.cloneNode(true);
    row.dataset.healthFinding = finding.check;
    row.dataset.severity = finding.severity;
    const name = row.querySelector("[data-content-checker-name]");
    name.id = `health-content-finding-${index}`;
    name.textContent = `${SEVERITY[finding.severity] || finding.severity}: ${finding.message}`;
    const help = row.querySelector("[data-content-checker-help]");
    help.textContent = [
      `Check: ${finding.check}`,
      finding.path && `Where: ${finding.path}`,
      finding.excerpt && `“${finding.excerpt}”`,
    ]
      .filter(Boolean)
      .join(" · ");
    // Wagtail's button opens the preview at an element; these findings point at
    // blocks of the form, named in the help text instead.
    row.querySelector("[data-content-checker-selector]")?.remove();
    return row;
  };

  const show = (findings) => {
    const panel = document.querySelector("[data-checks-panel]");
    const template = document.querySelector("#w-content-checker-row-template");
    if (!panel || !template) {
      return;
    }
    panel.querySelectorAll("[data-health-finding]").forEach((row) => row.remove());
    const wagtailIssues = panel.querySelectorAll("[data-content-checker-row]").length;
    findings.forEach((finding, index) => panel.append(findingRow(template, finding, index)));

    const count = wagtailIssues + findings.length;
    const toggleCounter = document.querySelector(
      '[data-side-panel-toggle="checks"] [data-side-panel-toggle-counter]',
    );
    if (toggleCounter) {
      toggleCounter.textContent = String(count);
      toggleCounter.hidden = count === 0;
    }
    const panelCounter = document.querySelector(
      '[data-side-panel="checks"] [data-content-checker-count]',
    );
    if (panelCounter) {
      panelCounter.textContent = String(count);
      panelCounter.classList.toggle("has-errors", count > 0);
    }
  };

  document.addEventListener("w-preview:content", async () => {
    const source = document.querySelector("[data-content-checks-url]");
    if (!source) {
      return;
    }
    latestRequest += 1;
    const request = latestRequest;
    const response = await fetch(source.dataset.contentChecksUrl, {
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    });
    // A newer run has started meanwhile: its answer describes the newer preview.
    if (request !== latestRequest || !response.ok) {
      return;
    }
    show((await response.json()).findings);
  });
})();
