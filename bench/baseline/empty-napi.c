// Baselines written in C against node_api.h: for the scalar-call
// benchmark the cheapest possible N-API function (no arguments, returns
// undefined) and an add(i32, i32); for the callback benchmark a loop that
// calls a JS function the way a C addon would.
#include <node_api.h>

static napi_value empty(napi_env env, napi_callback_info info) {
  (void)env;
  (void)info;
  return NULL;
}

static napi_value add(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2];
  int32_t a = 0, b = 0;
  napi_value result;
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  napi_get_value_int32(env, argv[0], &a);
  napi_get_value_int32(env, argv[1], &b);
  napi_create_int32(env, a + b, &result);
  return result;
}

// callLoop(fn, n): calls fn(i, 1) n times, reading each int32 result, and
// returns their sum. Each call gets a handle scope of its own, as any C loop
// calling into JS many times must, or the handles of every call pile up.
static napi_value call_loop(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2], receiver, result;
  uint32_t n = 0;
  int32_t sum = 0;
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  napi_get_value_uint32(env, argv[1], &n);
  napi_get_undefined(env, &receiver);
  for (uint32_t i = 0; i < n; i++) {
    napi_handle_scope scope;
    napi_value args[2], ret;
    int32_t value = 0;
    napi_open_handle_scope(env, &scope);
    napi_create_int32(env, (int32_t)i, &args[0]);
    napi_create_int32(env, 1, &args[1]);
    napi_status status = napi_call_function(env, receiver, argv[0], 2, args, &ret);
    if (status == napi_ok) napi_get_value_int32(env, ret, &value);
    napi_close_handle_scope(env, scope);
    // A throwing function stops the loop and the exception propagates.
    if (status != napi_ok) return NULL;
    sum = (int32_t)((uint32_t)sum + (uint32_t)value);
  }
  napi_create_int32(env, sum, &result);
  return result;
}

NAPI_MODULE_INIT() {
  napi_value fn;
  napi_create_function(env, "empty", NAPI_AUTO_LENGTH, empty, NULL, &fn);
  napi_set_named_property(env, exports, "empty", fn);
  napi_create_function(env, "add", NAPI_AUTO_LENGTH, add, NULL, &fn);
  napi_set_named_property(env, exports, "add", fn);
  napi_create_function(env, "callLoop", NAPI_AUTO_LENGTH, call_loop, NULL, &fn);
  napi_set_named_property(env, exports, "callLoop", fn);
  return exports;
}
