// The exercise editor: CodeMirror over the form's textarea (the page still works without JavaScript).
document.addEventListener("DOMContentLoaded", () => {
  const area = document.querySelector("textarea[data-editor]");
  if (!area || !window.CodeMirror) return;
  const form = area.form;
  const editor = CodeMirror.fromTextArea(area, {
    mode: "python",
    lineNumbers: true,
    indentUnit: 4,
    tabSize: 4,
    indentWithTabs: false,
    matchBrackets: true,
    autoCloseBrackets: true,
    viewportMargin: Infinity,
    extraKeys: {
      Tab: (cm) => cm.execCommand(cm.somethingSelected() ? "indentMore" : "insertSoftTab"),
      "Shift-Tab": (cm) => cm.execCommand("indentLess"),
      "Ctrl-Enter": () => form.querySelector('button[value="run"]').click(),
      "Cmd-Enter": () => form.querySelector('button[value="run"]').click(),
    },
  });
  window.exerciseEditor = editor;
  // htmx reads the form before CodeMirror's own submit hook runs: copy the code over first.
  form.addEventListener("htmx:configRequest", (event) => {
    editor.save();
    event.detail.parameters.source = editor.getValue();
  });
  const reset = form.querySelector("[data-reset-to]");
  reset?.addEventListener("click", () => {
    if (confirm("Replace your code with the starter code?")) {
      editor.setValue(document.getElementById(reset.dataset.resetTo).content.textContent);
    }
  });
});
