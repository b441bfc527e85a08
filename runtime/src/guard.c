/*
 * Guarded calls: run a thunk so that a Zig panic inside it returns here
 * with the panic message instead of ending the process. The exporter's
 * panic handler calls zigport_panic_escape, which jumps back to the
 * innermost guarded call on the same thread. Only Zig frames lie between
 * the two (the thunk and what it called), so no Rust or C++ frame is skipped.
 * Written in C because setjmp cannot be called soundly from Rust or Zig.
 */
#include <setjmp.h>
#include <stddef.h>
#include <string.h>

typedef void (*zigport_thunk)(void *frame);

struct zigport_guard {
  sigjmp_buf jump;
  char *message;
  size_t capacity;
  size_t *length;
};

static __thread struct zigport_guard *innermost;

/* Returns 0 when the thunk returned, 1 when it panicked (message written). */
int zigport_guarded_call(zigport_thunk thunk, void *frame, char *message, size_t capacity, size_t *length) {
  struct zigport_guard guard;
  struct zigport_guard *outer = innermost;
  guard.message = message;
  guard.capacity = capacity;
  guard.length = length;
  *length = 0;
  innermost = &guard;
  /* savemask 0: no signal-mask syscall on the call path. */
  if (sigsetjmp(guard.jump, 0) == 0) {
    thunk(frame);
    innermost = outer;
    return 0;
  }
  innermost = outer;
  return 1;
}

/* Called by Zig's panic handler. Returns only when no guarded call is active
 * on this thread, so that Zig's default handler can run. */
void zigport_panic_escape(const char *message, size_t length) {
  struct zigport_guard *guard = innermost;
  if (guard == NULL) return;
  size_t n = length < guard->capacity ? length : guard->capacity;
  memcpy(guard->message, message, n);
  *guard->length = n;
  siglongjmp(guard->jump, 1);
}
