// Wagtail's rich-text fields copy what was typed into their hidden form input
// 250 ms after the last change (a timer in its commentable Draftail editor), and
// the form submits without waiting: text typed just before "Save draft" or
// "Submit" would be missing from the revision. As the form submits, copy each
// editor's current content into its input. See docs/autosave.md.
document.addEventListener(
  "submit",
  (event) => {
    if (!window.Draftail) {
      return;
    }
    // Wagtail keeps the Draftail editor on its hidden input (`draftailEditor`).
    event.target.querySelectorAll("input[type=hidden]").forEach((input) => {
      if (input.draftailEditor) {
        const raw = window.Draftail.serialiseEditorStateToRaw(
          input.draftailEditor.getEditorState(),
        );
        input.rawContentState = raw;
        input.value = JSON.stringify(raw);
      }
    });
  },
  true,
);
