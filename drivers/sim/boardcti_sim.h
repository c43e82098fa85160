/* boardcti_sim.h: the C ABI between the simulated voice board (firmware-sim,
 * its own addon) and the engine's driver for it (drivers/sim).
 *
 * It plays the part a real card's kernel driver plays: one block of G.711 line
 * codes per channel per frame in each direction, hook / polarity / ABCD bit
 * commands, raw line events and span status. Pure C (no C++ types cross it),
 * so the two addons need not share a compiler, a standard library or a build.
 *
 * Ownership: the port lives inside the simulated board. Whoever keeps a pointer
 * to it past the call that handed it over calls retain() once and release()
 * once when done; the board (and the world behind it) is freed after its last
 * release. The JS object that created the board holds one reference.
 *
 * Threads: read, write, hook, set_polarity, set_bits, poll_event and
 * span_status are called from one thread at a time (the engine's media
 * thread); read() advances the simulated world by exactly n samples, so the
 * board is the clock. retain/release may be called from any thread.
 *
 * The enums mirror drivers/driver.h (HookOp, LineEventType, AlarmBits, Law);
 * drivers/sim/sim_board.cc checks that they match at compile time.
 */
#ifndef BOARDCTI_SIM_H
#define BOARDCTI_SIM_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define BCTI_SIM_ABI_VERSION 2u

/* Channel kinds. */
enum bcti_sim_kind { BCTI_SIM_FXS = 0, BCTI_SIM_FXO = 1, BCTI_SIM_E1 = 2 };

/* G.711 law of a channel (values of bcti::Law). */
enum bcti_sim_law { BCTI_SIM_ULAW = 0, BCTI_SIM_ALAW = 1 };

/* hook() operations (values of drv::HookOp). */
enum bcti_sim_hook_op {
  BCTI_SIM_ON_HOOK = 0,  /* FXO: release the line */
  BCTI_SIM_OFF_HOOK = 1, /* FXO: seize / answer */
  BCTI_SIM_FLASH = 2,    /* FXO: hook flash (the board times it) */
  BCTI_SIM_RING = 3,     /* FXS: ringing voltage on */
  BCTI_SIM_RING_OFF = 4  /* FXS: ringing voltage off */
};

/* Raw line events (values of drv::LineEventType). */
enum bcti_sim_event_type {
  BCTI_SIM_EV_OFF_HOOK = 0,   /* FXS: the phone went off hook */
  BCTI_SIM_EV_ON_HOOK = 1,    /* FXS: the phone went on hook */
  BCTI_SIM_EV_RING_BEGIN = 2, /* FXO: ringing voltage started */
  BCTI_SIM_EV_RING_END = 3,   /* FXO: ringing voltage stopped */
  BCTI_SIM_EV_POLARITY = 4,   /* FXO: battery polarity (value 1 reversed, 0 normal) */
  BCTI_SIM_EV_LOOP_DROP = 5,  /* FXO: loop current dropped */
  BCTI_SIM_EV_BITS = 6,       /* E1 CAS: received ABCD bits changed (value 0..15) */
  BCTI_SIM_EV_ALARM = 7,      /* span alarms changed (value: BCTI_SIM_ALARM_*), 0 = cleared */
  BCTI_SIM_EV_RESET = 8       /* the board was reset: every channel is idle */
};

/* Span alarm bits (values of drv::AlarmBits). */
enum bcti_sim_alarm {
  BCTI_SIM_ALARM_LOS = 1u << 0,
  BCTI_SIM_ALARM_RED = 1u << 1,
  BCTI_SIM_ALARM_YELLOW = 1u << 2,
  BCTI_SIM_ALARM_BLUE = 1u << 3
};

typedef struct bcti_sim_channel {
  int32_t span;     /* 1-based span on the board (analog ports share span 1) */
  int32_t number;   /* 1-based channel number on the board */
  int32_t timeslot; /* E1: 1..15, 17..31; analog: 0 */
  uint8_t kind;     /* enum bcti_sim_kind */
  uint8_t law;      /* enum bcti_sim_law */
  uint8_t reserved[2];
} bcti_sim_channel;

typedef struct bcti_sim_event {
  uint8_t type; /* enum bcti_sim_event_type */
  uint8_t reserved[3];
  int32_t span;
  int32_t channel; /* 1-based on the board; 0 for span-wide and board events */
  uint32_t value;
} bcti_sim_event;

typedef struct bcti_sim_span_status {
  uint32_t alarms;
  uint32_t reserved;
  uint64_t slips;
  uint64_t crc_errors;
  uint64_t bipolar_violations;
  uint64_t frame_errors;
} bcti_sim_span_status;

typedef struct bcti_sim_port {
  uint32_t abi_version; /* BCTI_SIM_ABI_VERSION */
  uint32_t struct_size; /* sizeof(bcti_sim_port) as built by the board */
  void* ctx;            /* first argument of every function below */

  const char* model;
  const char* serial;
  const char* firmware;
  int32_t span_count;
  int32_t channel_count;
  const bcti_sim_channel* channels; /* channel_count entries, numbers 1..channel_count */

  void (*retain)(void* ctx);
  void (*release)(void* ctx);

  /* Advance the world by n samples (one frame) and fill rx[c] (c = channel
   * number - 1) with n line codes each: what the board receives. */
  void (*read)(void* ctx, uint8_t* const* rx, int32_t n);
  /* What each channel sends during the frame just read: tx[c], n codes each. */
  void (*write)(void* ctx, const uint8_t* const* tx, int32_t n);
  /* Signalling commands; channel is 1-based. Invalid ones are ignored. */
  void (*hook)(void* ctx, int32_t channel, int32_t op);
  void (*set_polarity)(void* ctx, int32_t channel, int32_t reversed);
  void (*set_bits)(void* ctx, int32_t channel, uint32_t abcd);
  /* The next pending line event: 1 and *ev filled, or 0 when none. */
  int32_t (*poll_event)(void* ctx, bcti_sim_event* ev);
  /* Status of a span (1-based): 1 and *out filled, 0 if there is no such span. */
  int32_t (*span_status)(void* ctx, int32_t span, bcti_sim_span_status* out);
  /* ISDN D channel (TS16 of a PRI span), since ABI 2: whole HDLC frames
   * followed by two FCS octets (values not checked), as DAHDI carries them.
   * read_dchan: the next frame the exchange sent, its length; 0 when none;
   * -1 when the span has no D channel. write_dchan: one frame toward the
   * exchange; n, or -1. */
  int32_t (*read_dchan)(void* ctx, int32_t span, uint8_t* buf, int32_t max);
  int32_t (*write_dchan)(void* ctx, int32_t span, const uint8_t* buf, int32_t n);
} bcti_sim_port;

#ifdef __cplusplus
}
#endif

#endif /* BOARDCTI_SIM_H */
