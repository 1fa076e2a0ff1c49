import { EditorView, basicSetup } from 'codemirror';
import { sql, PostgreSQL } from '@codemirror/lang-sql';
import { EditorState, Compartment, Prec } from '@codemirror/state';
import { keymap } from '@codemirror/view';
import { setDiagnostics } from '@codemirror/lint';

/**
 * The SQL console's editor: CodeMirror 6 with PostgreSQL highlighting and line numbers.
 * CodeMirror lives in this element's own shadow root: it mounts its styles into the root its
 * parent node belongs to, and outside one of its own they land where the editor does not render.
 *
 * Ctrl+Enter (Cmd+Enter) fires `run` with the script in `detail.value`; the server answers by
 * calling markError(offset, message) for PostgreSQL's error position.
 */
class TcSqlEditor extends HTMLElement {
  constructor() {
    super();
    this._readOnly = new Compartment();
    this._pendingValue = '';
    this._pendingReadOnly = false;
  }

  connectedCallback() {
    if (this._view) {
      return;
    }
    const root = this.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = `
      :host { display: block; border: 1px solid var(--lumo-contrast-20pct); border-radius: var(--lumo-border-radius-m);
              background: var(--lumo-base-color); overflow: hidden; }
      .cm-editor { height: 100%; font-size: var(--lumo-font-size-s); }
      .cm-editor.cm-focused { outline: none; }
      :host(:focus-within) { border-color: var(--lumo-primary-color-50pct); }
      .cm-scroller { font-family: var(--lumo-font-family-monospace, ui-monospace, monospace); min-height: 10em; }
      :host([readonly]) { background: var(--lumo-contrast-5pct); }
    `;
    root.appendChild(style);
    const run = () => {
      this.dispatchEvent(new CustomEvent('run', { detail: { value: this.value } }));
      return true;
    };
    this._view = new EditorView({
      parent: root,
      state: EditorState.create({
        doc: this._pendingValue,
        extensions: [
          Prec.highest(keymap.of([{ key: 'Mod-Enter', run }])),
          basicSetup,
          sql({ dialect: PostgreSQL }),
          this._readOnly.of(this._readOnlyExtensions(this._pendingReadOnly)),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) {
              // A changed script no longer has the error the server found in the old one.
              // (Not within this update: CodeMirror refuses a dispatch while one runs.)
              queueMicrotask(() => this.clearError());
            }
          }),
          EditorView.domEventHandlers({
            blur: () => { this.dispatchEvent(new CustomEvent('value-changed')); },
          }),
        ],
      }),
    });
  }

  _readOnlyExtensions(readOnly) {
    return [EditorState.readOnly.of(readOnly), EditorView.editable.of(!readOnly)];
  }

  get value() {
    return this._view ? this._view.state.doc.toString() : this._pendingValue;
  }

  set value(text) {
    text = text || '';
    if (!this._view) {
      this._pendingValue = text;
      return;
    }
    if (text !== this.value) {
      this._view.dispatch({ changes: { from: 0, to: this._view.state.doc.length, insert: text } });
    }
  }

  set readOnly(readOnly) {
    this.toggleAttribute('readonly', !!readOnly);
    if (!this._view) {
      this._pendingReadOnly = !!readOnly;
      return;
    }
    this._view.dispatch({ effects: this._readOnly.reconfigure(this._readOnlyExtensions(!!readOnly)) });
  }

  /** Fires `run` as Ctrl+Enter does (for the Run button). */
  run() {
    this.dispatchEvent(new CustomEvent('run', { detail: { value: this.value } }));
  }

  /** Underlines PostgreSQL's error at a 0-based offset (UTF-16, as the document counts), to the end of its word. */
  markError(offset, message) {
    const state = this._view.state;
    const from = Math.max(0, Math.min(offset, state.doc.length));
    const line = state.doc.lineAt(from);
    const rest = line.text.slice(from - line.from);
    const word = /^[\w$."]+/.exec(rest);
    const to = Math.min(line.to, from + Math.max(1, word ? word[0].length : 1));
    this._view.dispatch(setDiagnostics(state, [{ from, to: Math.max(to, from), severity: 'error', message }]));
    this._view.dispatch({ selection: { anchor: from }, scrollIntoView: true });
    this._view.focus();
  }

  clearError() {
    if (this._view) {
      this._view.dispatch(setDiagnostics(this._view.state, []));
    }
  }

  /** The marked error ranges, as text, for tests and screen readers: [{from, to, message}]. */
  errors() {
    const marks = this.shadowRoot.querySelectorAll('.cm-lintRange-error');
    return Array.from(marks).map((mark) => mark.textContent);
  }
}

customElements.define('tc-sql-editor', TcSqlEditor);
