/* libedit's native API for `mlexp chat`, wrapped in plain functions because Swift cannot call the
 * variadic el_set/el_get/history. One editor holds the EditLine, its History, the prompt and whether
 * the last line ended with Ctrl-C. While a line is edited the terminal's ISIG is off, so Ctrl-C reaches
 * the editor as a key (bound to "discard the line") instead of raising SIGINT; outside el_gets the
 * terminal is back in its own mode, where Ctrl-C raises SIGINT (mlexp cancels the running turn).
 * State lives in the editor passed around (EL_CLIENTDATA), never in globals.
 * Leaves out: completion and vi mode (~/.editrc can still choose vi). */
#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <histedit.h>

typedef struct mlexp_editor {
    EditLine *el;
    History *history;
    HistEvent event;
    char *prompt;
    int interrupted;
} mlexp_editor;

static inline mlexp_editor *mlexp_editor_of(EditLine *el) {
    void *data = NULL;
    el_get(el, EL_CLIENTDATA, &data);
    return (mlexp_editor *)data;
}

static inline char *mlexp_editor_prompt(EditLine *el) {
    mlexp_editor *e = mlexp_editor_of(el);
    return (e && e->prompt) ? e->prompt : (char *)"";
}

/* Ctrl-C while editing: mark the line discarded and end it. */
static inline unsigned char mlexp_editor_interrupt(EditLine *el, int ch) {
    (void)ch;
    mlexp_editor *e = mlexp_editor_of(el);
    if (e) e->interrupted = 1;
    return CC_NEWLINE;
}

/* A new editor on stdin/stdout keeping `history_size` lines; NULL when libedit cannot start. */
static inline mlexp_editor *mlexp_editor_open(const char *program, int history_size) {
    setlocale(LC_CTYPE, "");  /* multibyte (UTF-8) input, e.g. French accents */
    mlexp_editor *e = calloc(1, sizeof(mlexp_editor));
    if (!e) return NULL;
    e->el = el_init(program, stdin, stdout, stderr);
    e->history = history_init();
    if (!e->el || !e->history) {
        if (e->el) el_end(e->el);
        if (e->history) history_end(e->history);
        free(e);
        return NULL;
    }
    history(e->history, &e->event, H_SETSIZE, history_size);
    history(e->history, &e->event, H_SETUNIQUE, 1);
    el_set(e->el, EL_CLIENTDATA, (void *)e);
    el_set(e->el, EL_EDITOR, "emacs");
    el_set(e->el, EL_SIGNAL, 1);  /* resize, suspend/resume and termination restore the terminal */
    el_set(e->el, EL_PROMPT_ESC, mlexp_editor_prompt, '\1');
    el_set(e->el, EL_HIST, history, e->history);
    el_set(e->el, EL_SETTY, "-d", "-isig", NULL);
    el_set(e->el, EL_ADDFN, "mlexp-interrupt", "Discard the line, as a shell does on Ctrl-C", mlexp_editor_interrupt);
    el_set(e->el, EL_BIND, "^C", "mlexp-interrupt", NULL);
    el_source(e->el, NULL);  /* the user's ~/.editrc */
    return e;
}

/* The next line (with its newline) or NULL at end of input. `*interrupted` is 1 when the line was
 * discarded with Ctrl-C (or a signal interrupted the read). The text is valid until the next call. */
static inline const char *mlexp_editor_gets(mlexp_editor *e, const char *prompt, int *interrupted) {
    free(e->prompt);
    e->prompt = strdup(prompt ? prompt : "");
    e->interrupted = 0;
    int count = 0;
    errno = 0;
    /* Edit mode (ISIG off) before the prompt is drawn: el_gets draws the prompt first and only then
     * leaves cooked mode, so a key typed as soon as the prompt shows could still raise SIGINT (the typed
     * line lost and no prompt redrawn) or turn Ctrl-D into a NUL byte instead of the end of input. */
    el_set(e->el, EL_PREP_TERM, 1);
    const char *line = el_gets(e->el, &count);
    if (count < 0 && errno == EINTR) {
        *interrupted = 1;
        return "";
    }
    *interrupted = e->interrupted;
    if (!line || count <= 0) return e->interrupted ? "" : NULL;
    return line;
}

static inline void mlexp_editor_remember(mlexp_editor *e, const char *line) {
    history(e->history, &e->event, H_ENTER, line);
}

static inline int mlexp_editor_load(mlexp_editor *e, const char *path) {
    return history(e->history, &e->event, H_LOAD, path);
}

static inline int mlexp_editor_save(mlexp_editor *e, const char *path) {
    return history(e->history, &e->event, H_SAVE, path);
}

static inline void mlexp_editor_close(mlexp_editor *e) {
    if (!e) return;
    el_end(e->el);
    history_end(e->history);
    free(e->prompt);
    free(e);
}
