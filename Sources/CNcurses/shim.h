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
#include <fcntl.h>
#include <stdint.h>
#include <sys/uio.h>
#include <ucontext.h>
#include <ncursesw/curses.h>
#include <sys/ioctl.h>

// Attribute macros are not imported into Swift; expose them as functions.
static inline unsigned int coach_a_normal(void) { return A_NORMAL; }
static inline unsigned int coach_a_bold(void) { return A_BOLD; }
static inline unsigned int coach_a_reverse(void) { return A_REVERSE; }
static inline unsigned int coach_a_underline(void) { return A_UNDERLINE; }
static inline unsigned int coach_a_dim(void) { return A_DIM; }
static inline int coach_color_pair(int n) { return (int)COLOR_PAIR(n); }

// Swift 6 refuses the mutable globals; read them through functions.
static inline WINDOW *coach_stdscr(void) { return stdscr; }
// The terminal's size as the kernel has it (ioctl is variadic, so not imported into
// Swift): the size a kept frame is looked up by before curses starts. 0 when unknown.
static inline int coach_window_size(int fd, int *rows, int *cols) {
    struct winsize size;
    if (ioctl(fd, TIOCGWINSZ, &size) != 0) return 0;
    *rows = size.ws_row;
    *cols = size.ws_col;
    return 1;
}
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

// The signals that end the full-screen coach the orderly way: everything is saved, the
// terminal restored, and the process ends by the same signal. SIGQUIT (Ctrl-\) is one of
// them: left to the Swift runtime it would bring up its crash prompt over the screen.
static inline void coach_install_quit_signals(void) {
    int signals[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGPIPE };
    sigset_t wanted;
    sigemptyset(&wanted);
    for (unsigned i = 0; i < sizeof signals / sizeof signals[0]; i++) {
        struct sigaction action;
        memset(&action, 0, sizeof action);
        action.sa_handler = coach_note_signal;
        sigemptyset(&action.sa_mask);
        sigaction(signals[i], &action, NULL);
        sigaddset(&wanted, signals[i]);
    }
    // A parent may have left these blocked; a full-screen program needs them.
    sigaddset(&wanted, SIGWINCH);
    sigprocmask(SIG_UNBLOCK, &wanted, NULL);
}

static inline int coach_take_signal(void) {
    int sig = coach_pending_signal;
    coach_pending_signal = 0;
    return sig;
}

// A Swift runtime trap (SIGILL/SIGTRAP), an abort or a crash. Like htop, leave curses
// from the handler (the process is dying anyway, so endwin's lack of signal safety is the
// lesser risk), make sure the cursor shows, say in one line what happened, then hand the
// signal to the handler that was there before (the Swift runtime's backtracer, which the
// coach started with SWIFT_BACKTRACE set to write to a file without asking anything)
// with standard output and error closed to the terminal, and die by the same signal so
// the exit status stays honest. The weak definitions are merged into one (see above).
__attribute__((weak)) struct sigaction coach_previous_crash_actions[32] = { { { 0 } } };
__attribute__((weak)) char coach_crash_message[1024] = "coach: crashed\n";

__attribute__((weak)) char coach_crash_log[1024] = "";

static inline void coach_set_crash_message(const char *message, const char *log) {
    strncpy(coach_crash_message, message, sizeof coach_crash_message - 1);
    coach_crash_message[sizeof coach_crash_message - 1] = 0;
    strncpy(coach_crash_log, log, sizeof coach_crash_log - 1);
    coach_crash_log[sizeof coach_crash_log - 1] = 0;
}

// A new, private crash.log (a link or file left in its place is removed, not followed).
static int coach_open_crash_log(void) {
    if (!coach_crash_log[0]) return -1;
    unlink(coach_crash_log);
    return open(coach_crash_log, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
}

// One word of this process's memory; 0 when it cannot be read. A crash can leave the
// frame pointer anywhere, and reading through it must not fault inside the handler:
// the kernel copies the word, or answers EFAULT.
static int coach_read_word(uintptr_t address, uintptr_t *word) {
    struct iovec local = { word, sizeof *word }, remote = { (void *)address, sizeof *word };
    return process_vm_readv(getpid(), &local, 1, &remote, 1, 0) == (ssize_t)sizeof *word;
}

static void coach_write_address(int fd, uintptr_t address) {
    char text[2 + 2 * sizeof address + 1] = { '0', 'x' };
    for (unsigned i = 0; i < 2 * sizeof address; i++) {
        text[2 + i] = "0123456789abcdef"[(address >> (4 * (2 * sizeof address - 1 - i))) & 15];
    }
    text[sizeof text - 1] = '\n';
    (void)!write(fd, text, sizeof text);
}

// Where the crashed thread was, innermost first: the faulting instruction, then each
// caller's return address, found by following frame pointers. Swift code always keeps
// them, so no unwind tables are needed (the installed binary carries none: they were
// 2.2 MB of it); C code built without them may end the walk early. Uses no allocation
// and only async-signal-safe calls. The addresses are those of the binary as linked
// (it is not position-independent), so `addr2line -f -e` on the same build's
// unstripped binary names them.
static void coach_write_frames(int fd, void *context) {
    uintptr_t pc = 0, fp = 0;
#if defined(__x86_64__)
    // REG_RIP and REG_RBP: Swift's Glibc module leaves out the names (_GNU_SOURCE).
    pc = (uintptr_t)((ucontext_t *)context)->uc_mcontext.gregs[16];
    fp = (uintptr_t)((ucontext_t *)context)->uc_mcontext.gregs[10];
#elif defined(__aarch64__)
    pc = (uintptr_t)((ucontext_t *)context)->uc_mcontext.pc;
    fp = (uintptr_t)((ucontext_t *)context)->uc_mcontext.regs[29];
#endif
    if (pc) coach_write_address(fd, pc);
    for (int depth = 0; depth < 64 && fp && fp % sizeof fp == 0; depth++) {
        uintptr_t caller_fp, return_address;
        if (!coach_read_word(fp, &caller_fp) || !coach_read_word(fp + sizeof fp, &return_address)) break;
        if (!return_address) break;
        coach_write_address(fd, return_address);
        // The stack grows down: a caller's frame is always above; anything else is not a frame.
        if (caller_fp <= fp) break;
        fp = caller_fp;
    }
}

static void coach_fatal_signal(int sig, siginfo_t *info, void *context) {
    static const char reset[] = "\033[?2004l\033[?25h\033[0m\r\n";
    endwin();
    (void)!write(STDOUT_FILENO, reset, sizeof reset - 1);
    (void)!write(STDERR_FILENO, coach_crash_message, strlen(coach_crash_message));
    struct sigaction previous = sig > 0 && sig < 32 ? coach_previous_crash_actions[sig] : (struct sigaction){ 0 };
    if ((previous.sa_flags & SA_SIGINFO) && previous.sa_sigaction) {
        // The backtracer writes the log by its path: make it a new private file first,
        // so it is 0600 and whatever was planted there (a link) is gone, not followed.
        int log = coach_open_crash_log();
        if (log >= 0) close(log);
        int quiet = open("/dev/null", O_WRONLY);
        if (quiet >= 0) {
            dup2(quiet, STDOUT_FILENO);
            dup2(quiet, STDERR_FILENO);
        }
        previous.sa_sigaction(sig, info, context);
    } else {
        // No backtracer in this process (a build with the Swift runtime linked in
        // statically cannot find one): the return addresses, which need no allocation.
        int log = coach_open_crash_log();
        if (log >= 0) {
            static const char before[] = "*** Program crashed: signal ";
            static const char after[] = "; return addresses follow, innermost first (no Swift backtracer in this build) ***\n";
            char number[4] = { (char)('0' + sig / 10 % 10), (char)('0' + sig % 10), 0, 0 };
            (void)!write(log, before, sizeof before - 1);
            (void)!write(log, sig >= 10 ? number : number + 1, sig >= 10 ? 2 : 1);
            (void)!write(log, after, sizeof after - 1);
            coach_write_frames(log, context);
            close(log);
        }
    }
    signal(sig, SIG_DFL);
    raise(sig);
}

// True when the Swift runtime's backtracer catches crashes in this process (it installs
// its handlers as the process starts; a static build that cannot find swift-backtrace
// installs none).
static inline int coach_runtime_catches_crashes(void) {
    struct sigaction current;
    if (sigaction(SIGILL, NULL, &current) != 0) return 0;
    if (current.sa_flags & SA_SIGINFO) return current.sa_sigaction != NULL;
    return current.sa_handler != SIG_DFL && current.sa_handler != SIG_IGN;
}

static inline void coach_install_crash_handlers(void) {
    int signals[] = { SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS, SIGFPE };
    for (unsigned i = 0; i < sizeof signals / sizeof signals[0]; i++) {
        struct sigaction action;
        memset(&action, 0, sizeof action);
        action.sa_sigaction = coach_fatal_signal;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_RESETHAND | SA_NODEFER;
        struct sigaction previous;
        sigaction(signals[i], &action, &previous);
        // Installed twice (a second start), the first one's record of the runtime stays.
        if (previous.sa_sigaction != coach_fatal_signal) coach_previous_crash_actions[signals[i]] = previous;
    }
}

#endif
