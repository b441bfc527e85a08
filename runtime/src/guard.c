/*
 * Guarded calls: run a thunk so that a Zig panic or a stack overflow inside
 * it returns here instead of ending the process.
 *
 * A panic: the exporter's panic handler calls zigport_panic_escape, which
 * jumps back to the innermost guarded call on the same thread with the
 * message. Only Zig frames lie between the two (the thunk and what it
 * called), so no Rust or C++ frame is skipped.
 *
 * A stack overflow: the fault is taken by a SIGSEGV handler running on an
 * alternate signal stack (the thread's own stack is used up). It goes back
 * only when a guarded call is active on the faulting thread, the faulting
 * address lies at the low end of that thread's stack, and the faulting
 * instruction belongs to the module the guarded thunk came from, so again
 * only Zig frames are skipped. It does not jump from the handler: it edits
 * the interrupted context so that returning from the handler resumes in
 * resume_after_overflow, on the thread's own stack below the guarded call,
 * which then jumps. Returning lets the kernel restore what it changed for
 * the handler and a jump would leave changed: the signal mask and, on CPUs
 * with memory protection keys, the PKRU register, whose handler value
 * denies access to the pages V8 guards with a key (its WebAssembly code;
 * the next wasm trap would then crash). An overflow in other code under a
 * guarded call (libc, the runtime, V8 running a callback) cannot be unwound
 * safely: it ends the process with a message and status ZIGPORT_FAULT_STATUS.
 * A module built without runtime safety has no guard around its calls (they
 * are direct, for speed): an overflow in its code on a thread that loaded
 * it ends the process with a message saying so and the same status.
 * Every other fault goes to the handler installed before this one (Node's,
 * which lets V8 handle WebAssembly traps), or to the default action.
 *
 * Written in C because setjmp cannot be called soundly from Rust or Zig.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>
#include <unistd.h>

/* Read by the signal handler: initial-exec, so that reading them there never
 * allocates (a dynamic TLS block may be allocated on first access). */
#define ZIGPORT_THREAD_LOCAL __thread __attribute__((tls_model("initial-exec")))

enum { GUARD_RETURNED = 0, GUARD_PANICKED = 1, GUARD_STACK_OVERFLOW = 2 };

/* The status a process ends with on a fault nothing can take as an error. */
#define ZIGPORT_FAULT_STATUS 70
/* The alternate stack the handler runs on: room for dladdr and a write. */
#define ALT_STACK_SIZE (64 * 1024)
/* How far below the lowest address of the stack a fault still counts as an
 * overflow of it: the kernel's guard gap below a stack is 1 MiB or less. */
#define BELOW_STACK (1024 * 1024)
/* How far above it: the last page the stack can grow into. */
#define ABOVE_STACK (64 * 1024)

typedef void (*zigport_thunk)(void *frame);

struct zigport_guard {
  sigjmp_buf jump;
  /* Names the module whose code may be skipped on a stack overflow. */
  zigport_thunk thunk;
  /* An address in the frame that calls the thunk: the stack below it is
   * free once the thunk is abandoned. */
  uintptr_t thunk_stack;
  char *message;
  size_t capacity;
  size_t *length;
};

static ZIGPORT_THREAD_LOCAL struct zigport_guard *innermost;
/* Set by this thread's first guarded call. */
static ZIGPORT_THREAD_LOCAL int thread_ready;
/* The lowest address of this thread's stack; 0 when unknown. */
static ZIGPORT_THREAD_LOCAL uintptr_t stack_low;
/* Set on a thread the module started (zigport_prepare_zig_thread). */
static ZIGPORT_THREAD_LOCAL int started_by_zig;

static pthread_once_t handler_once = PTHREAD_ONCE_INIT;
/* Where the modules built without runtime safety are mapped (dladdr's
 * base of each), for the handler to tell their code. Appended under the
 * lock, read by the handler without it: a base is written before the
 * count that covers it is published. */
#define MAX_UNGUARDED_MODULES 64
static uintptr_t unguarded_bases[MAX_UNGUARDED_MODULES];
static int unguarded_count;
static pthread_mutex_t unguarded_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_key_t alt_stack_key;
static struct sigaction previous_segv;

static void on_segv(int sig, siginfo_t *info, void *context);
/* runtime/src/console.rs: writes what JS threads printed and still hold,
 * without allocating or waiting. */
void zigport_write_held_output(void);

static void free_alt_stack(void *memory) {
  stack_t off;
  memset(&off, 0, sizeof off);
  off.ss_flags = SS_DISABLE;
  sigaltstack(&off, NULL);
  munmap(memory, ALT_STACK_SIZE);
}

static void install_handler(void) {
  pthread_key_create(&alt_stack_key, free_alt_stack);
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_sigaction = on_segv;
  action.sa_flags = SA_SIGINFO | SA_ONSTACK;
  sigemptyset(&action.sa_mask);
  sigaction(SIGSEGV, &action, &previous_segv);
}

/* Gives this thread an alternate signal stack unless it has one already
 * (freed when the thread ends). */
static void ensure_alt_stack(void) {
  stack_t current;
  if (sigaltstack(NULL, &current) == 0 && !(current.ss_flags & SS_DISABLE)) return;
  void *memory = mmap(NULL, ALT_STACK_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
  if (memory == MAP_FAILED) return;
  stack_t alt;
  memset(&alt, 0, sizeof alt);
  alt.ss_sp = memory;
  alt.ss_size = ALT_STACK_SIZE;
  if (sigaltstack(&alt, NULL) != 0) {
    munmap(memory, ALT_STACK_SIZE);
    return;
  }
  pthread_setspecific(alt_stack_key, memory);
}

/* Once per thread, before its first guarded call: learns where its stack
 * ends and sets up what the overflow handler needs. */
static void prepare_thread(void) {
  thread_ready = 1;
  pthread_once(&handler_once, install_handler);
  pthread_attr_t attr;
  if (pthread_getattr_np(pthread_self(), &attr) == 0) {
    void *low;
    size_t size;
    if (pthread_attr_getstack(&attr, &low, &size) == 0) stack_low = (uintptr_t)low;
    pthread_attr_destroy(&attr);
  }
  ensure_alt_stack();
}

/* What every thread a module starts runs first (js/zig/thread_start.zig):
 * no call from JS can take a fault there, but the handler can still say
 * what happened if it has a stack to run on and knows where this one ends. */
void zigport_prepare_zig_thread(void) {
  prepare_thread();
  started_by_zig = 1;
}

/* Called when a module built without runtime safety is opened, on the
 * thread that will call it: `code` is any address in the module. */
void zigport_note_unguarded_module(const void *code) {
  if (!thread_ready) prepare_thread();
  Dl_info info;
  if (!dladdr(code, &info)) return;
  uintptr_t base = (uintptr_t)info.dli_fbase;
  pthread_mutex_lock(&unguarded_lock);
  int count = unguarded_count;
  int known = 0;
  for (int i = 0; i < count; i++) known |= unguarded_bases[i] == base;
  if (!known && count < MAX_UNGUARDED_MODULES) {
    unguarded_bases[count] = base;
    __atomic_store_n(&unguarded_count, count + 1, __ATOMIC_RELEASE);
  }
  pthread_mutex_unlock(&unguarded_lock);
}

/* Calls the thunk from a frame of its own, noting where that frame is. */
static __attribute__((noinline)) void run_thunk(struct zigport_guard *guard, void *frame) {
  volatile char here = 0;
  guard->thunk_stack = (uintptr_t)&here;
  guard->thunk(frame);
}

/* Returns GUARD_RETURNED, GUARD_PANICKED (message written) or
 * GUARD_STACK_OVERFLOW. */
int zigport_guarded_call(zigport_thunk thunk, void *frame, char *message, size_t capacity, size_t *length) {
  if (__builtin_expect(!thread_ready, 0)) prepare_thread();
  struct zigport_guard guard;
  struct zigport_guard *outer = innermost;
  guard.thunk = thunk;
  guard.message = message;
  guard.capacity = capacity;
  guard.length = length;
  *length = 0;
  innermost = &guard;
  /* savemask 0: no signal-mask syscall on the call path. */
  int outcome = sigsetjmp(guard.jump, 0);
  if (outcome == 0) {
    run_thunk(&guard, frame);
    innermost = outer;
    return GUARD_RETURNED;
  }
  innermost = outer;
  return outcome;
}

/* Called by Zig's panic handler. Returns only when no guarded call is active
 * on this thread, for the exporter to end the process. */
void zigport_panic_escape(const char *message, size_t length) {
  struct zigport_guard *guard = innermost;
  if (guard == NULL) return;
  size_t n = length < guard->capacity ? length : guard->capacity;
  memcpy(guard->message, message, n);
  *guard->length = n;
  siglongjmp(guard->jump, GUARD_PANICKED);
}

static uintptr_t faulting_instruction(void *context) {
  const ucontext_t *uc = context;
#if defined(__x86_64__)
  return (uintptr_t)uc->uc_mcontext.gregs[REG_RIP];
#elif defined(__aarch64__)
  return (uintptr_t)uc->uc_mcontext.pc;
#else
  (void)uc;
  return 0;
#endif
}

/* Where the handler's return lands after an overflow: back on the thread's
 * own stack, with the signal mask and PKRU as they were before the fault. */
static void resume_after_overflow(void) {
  siglongjmp(innermost->jump, GUARD_STACK_OVERFLOW);
}

/* Makes the handler's return resume in resume_after_overflow, on the stack
 * the abandoned thunk used. Elsewhere than these two architectures
 * faulting_instruction knows no pc, so no overflow gets this far. */
static void resume_at_guard(void *context, const struct zigport_guard *guard) {
  /* Below the frame that called the thunk, clear of anything still live. */
  uintptr_t top = (guard->thunk_stack - 256) & ~(uintptr_t)15;
  ucontext_t *uc = context;
#if defined(__x86_64__)
  /* As if called: a return address slot, so the stack is 16n + 8 on entry. */
  top -= sizeof(uintptr_t);
  *(uintptr_t *)top = 0;
  uc->uc_mcontext.gregs[REG_RSP] = (greg_t)top;
  uc->uc_mcontext.gregs[REG_RIP] = (greg_t)(uintptr_t)resume_after_overflow;
#elif defined(__aarch64__)
  uc->uc_mcontext.sp = top;
  uc->uc_mcontext.pc = (uintptr_t)resume_after_overflow;
#else
  (void)top;
  (void)uc;
#endif
}

/* Whether `pc` lies in the shared object that holds `thunk`. */
static int in_module_of(uintptr_t pc, zigport_thunk thunk) {
  Dl_info at, module;
  if (pc == 0 || !dladdr((void *)pc, &at) || !dladdr((void *)(uintptr_t)thunk, &module)) return 0;
  return at.dli_fbase == module.dli_fbase;
}

/* Whether `pc` lies in a module built without runtime safety. */
static int in_unguarded_module(uintptr_t pc) {
  int count = __atomic_load_n(&unguarded_count, __ATOMIC_ACQUIRE);
  Dl_info at;
  if (count == 0 || pc == 0 || !dladdr((void *)pc, &at)) return 0;
  for (int i = 0; i < count; i++) {
    if (unguarded_bases[i] == (uintptr_t)at.dli_fbase) return 1;
  }
  return 0;
}

static void say(const char *text) {
  size_t left = strlen(text);
  while (left > 0) {
    ssize_t n = write(2, text, left);
    if (n <= 0) return;
    text += n;
    left -= (size_t)n;
  }
}

static void chain(int sig, siginfo_t *info, void *context) {
  if (previous_segv.sa_flags & SA_SIGINFO) {
    if (previous_segv.sa_sigaction != NULL) previous_segv.sa_sigaction(sig, info, context);
    return;
  }
  if (previous_segv.sa_handler != SIG_DFL && previous_segv.sa_handler != SIG_IGN) {
    previous_segv.sa_handler(sig);
    return;
  }
  /* The default action: the faulting instruction runs again and the fault
   * ends the process as if no handler had been installed. A SIGSEGV sent by
   * kill() is raised again instead (delivered once this handler returns). */
  signal(sig, SIG_DFL);
  if (info->si_code <= 0) raise(sig);
}

static void on_segv(int sig, siginfo_t *info, void *context) {
  struct zigport_guard *guard = innermost;
  uintptr_t fault = (uintptr_t)info->si_addr;
  int at_stack_end = stack_low != 0 && fault + BELOW_STACK >= stack_low && fault < stack_low + ABOVE_STACK;
  if (guard == NULL && started_by_zig && at_stack_end) {
    zigport_write_held_output();
    say("zigport: stack overflow on a thread Zig started; no call from JS can take it, "
        "so the process ends (status 70)\n");
    _exit(ZIGPORT_FAULT_STATUS);
  }
  if (at_stack_end && in_unguarded_module(faulting_instruction(context))) {
    zigport_write_held_output();
    say("zigport: stack overflow in a Zig module built without runtime safety (ReleaseFast or "
        "ReleaseSmall), whose calls have no guard to return to, so the process ends (status 70); "
        "built with Debug or ReleaseSafe, the call throws a RangeError instead\n");
    _exit(ZIGPORT_FAULT_STATUS);
  }
  if (guard == NULL || !at_stack_end) {
    chain(sig, info, context);
    return;
  }
  if (in_module_of(faulting_instruction(context), guard->thunk)) {
    resume_at_guard(context, guard);
    return;
  }
  say("zigport: stack overflow in code a Zig function called (not in the Zig module itself); "
      "its frames cannot be skipped safely, so the process ends (status 70)\n");
  _exit(ZIGPORT_FAULT_STATUS);
}
