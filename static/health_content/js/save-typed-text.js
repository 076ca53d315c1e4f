// Draftail copies what was typed into its hidden form field 250 ms after the last
// change (its stateSaveInterval), and Wagtail submits the form without waiting:
// text typed just before "Save draft" or "Submit" would be missing from the
// revision. Copy every rich-text editor's state into its field as the form submits.
// (docs/autosave.md)
document.addEventListener(
  "submit",
  (event) => {
    event.target.querySelectorAll("input[data-draftail-input]").forEach((input) => {
      if (input.draftailEditor) {
        input.draftailEditor.saveState();
      }
    });
  },
  true,
);
