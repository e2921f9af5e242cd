#ifndef COACH_CNCURSES_SHIM_H
#define COACH_CNCURSES_SHIM_H

// Wide-character API (wget_wch, wint_t): SwiftPM does not pass pkg-config's -D flags.
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <locale.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include <ncursesw/curses.h>

// Attribute macros are not imported into Swift; expose them as functions.
static inline unsigned int coach_a_normal(void) { return A_NORMAL; }
static inline unsigned int coach_a_bold(void) { return A_BOLD; }
static inline unsigned int coach_a_reverse(void) { return A_REVERSE; }
static inline unsigned int coach_a_underline(void) { return A_UNDERLINE; }
static inline unsigned int coach_a_dim(void) { return A_DIM; }
static inline int coach_color_pair(int n) { return (int)COLOR_PAIR(n); }

// Swift 6 refuses the mutable globals; read them through functions.
static inline WINDOW *coach_stdscr(void) { return stdscr; }
static inline int coach_lc_all(void) { return LC_ALL; }

// Mouse buttons: function-like macros Swift cannot import.
static inline mmask_t coach_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t coach_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t coach_wheel_up(void) { return BUTTON4_PRESSED; }
static inline mmask_t coach_wheel_down(void) { return BUTTON5_PRESSED; }

// Signals. The handlers only set a flag (endwin is not async-signal-safe); the input
// loop polls it and restores the terminal on the main thread.
//
// The flag must exist once in the whole program. A `static` variable in this header gets
// a copy in every object file that uses it, and an optimized build splits a Swift module
// into one object file per source file and inlines across them: the handler then set
// one copy while the loop read another, and a release build ignored Ctrl-C, SIGTERM and
// SIGHUP. A weak definition is merged by the linker into one.
__attribute__((weak)) volatile sig_atomic_t coach_pending_signal = 0;

static void coach_note_signal(int sig) { coach_pending_signal = sig; }

static inline void coach_install_quit_signals(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = coach_note_signal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, NULL);
    sigaction(SIGTERM, &action, NULL);
    sigaction(SIGHUP, &action, NULL);
    // A parent may have left these blocked; a full-screen program needs them.
    sigset_t wanted;
    sigemptyset(&wanted);
    sigaddset(&wanted, SIGINT);
    sigaddset(&wanted, SIGTERM);
    sigaddset(&wanted, SIGHUP);
    sigaddset(&wanted, SIGWINCH);
    sigprocmask(SIG_UNBLOCK, &wanted, NULL);
}

static inline int coach_take_signal(void) {
    int sig = coach_pending_signal;
    coach_pending_signal = 0;
    return sig;
}

// A Swift runtime trap (SIGILL/SIGTRAP) or a crash: like htop, leave curses from the
// handler (the process is dying anyway, so endwin's lack of signal safety is the lesser
// risk), make sure the cursor shows, then die with the same signal so the exit status
// stays honest.
static void coach_fatal_signal(int sig) {
    static const char reset[] = "\033[?25h\033[0m\r\n";
    endwin();
    (void)!write(STDOUT_FILENO, reset, sizeof reset - 1);
    signal(sig, SIG_DFL);
    raise(sig);
}

static inline void coach_install_crash_handlers(void) {
    int signals[] = { SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS, SIGFPE };
    for (unsigned i = 0; i < sizeof signals / sizeof signals[0]; i++) {
        struct sigaction action;
        memset(&action, 0, sizeof action);
        action.sa_handler = coach_fatal_signal;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESETHAND;
        sigaction(signals[i], &action, NULL);
    }
}

#endif
