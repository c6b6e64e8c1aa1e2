/* Red team 14 (C at -O2, i386): c_spllower_creplay_sti_early is a C replay
   loop that enables interrupts before it clears the pending bit; it held at
   depth 1 until check also started the call with a request pending
   (check.explore_pending): served_once fails at depth 1 now.  The other
   routines here are the red team's, correct and broken, kept as written. */
#include "port.h"
#define barrier() __asm volatile("" ::: "memory")
/* non-volatile views of the same words, as a driver writer who forgot volatile */
extern int nv_cpl __asm__("cpl");
extern int nv_ipending __asm__("ipending");

int c_splraise_ok(int ncpl) { int o = cpl; cpl = o | ncpl; barrier(); return o; }
int c_spllower_ok(int ncpl) { int o = cpl; barrier(); cpl = ncpl; barrier(); if (ipending & ~ncpl) Xspllower(); return o; }
void c_splx_ok(int ncpl) { barrier(); cpl = ncpl; barrier(); if (ipending & ~ncpl) Xspllower(); }

/* BUG: no volatile, no barrier: the load of ipending may move above the store of cpl */
int c_spllower_nv(int ncpl) { int o = nv_cpl; nv_cpl = ncpl; if (nv_ipending & ~ncpl) Xspllower(); return o; }
/* BUG? no volatile: raise; cpl cached */
int c_splraise_nv(int ncpl) { int o = nv_cpl; nv_cpl = o | ncpl; return o; }
/* BUG: inverted test */
int c_spllower_inv(int ncpl) { int o = cpl; barrier(); cpl = ncpl; barrier(); if (ipending & ncpl) Xspllower(); return o; }
/* BUG: returns new level */
int c_splraise_new(int ncpl) { int o = cpl; cpl = o | ncpl; barrier(); return cpl; }
/* BUG: forgets replay */
int c_spllower_norep(int ncpl) { int o = cpl; cpl = ncpl; return o; }
/* BUG: test before store (reads ipending first) */
int c_spllower_testfirst(int ncpl) { int o = cpl; int p = ipending; cpl = ncpl; if (p & ~ncpl) Xspllower(); return o; }
/* BUG: cached old cpl returned after replay, reading cpl after Xspllower -> cpl changed? (correct actually: Xspllower restores) */
int c_spllower_lateold(int ncpl) { cpl = ncpl; barrier(); if (ipending & ~ncpl) Xspllower(); return cpl; }

/* a replay in C with cli/sti, clearing the pending bit with interrupts on (BUG) */
#define H(name, bit, level, spl, vec) case bit: handler_##name(); break;
#define S(name, bit, level, spl, vec) case bit: return spl;
static inline int spl_of(int b) { switch (b) { IPLEMU_SOURCES(S) } return -1; }
static inline void run(int b) { switch (b) { IPLEMU_SOURCES(H) } }

int c_spllower_creplay_ok(int ncpl)
{
	int o = cpl;
	__asm volatile("cli" ::: "memory");
	cpl = ncpl;
	for (;;) {
		int p = ipending & ~cpl;
		if (p == 0) break;
		int b = __builtin_ctz(p);
		ipending &= ~(1u << b);
		int save = cpl;
		cpl = save | spl_of(b);
		__asm volatile("sti" ::: "memory");
		run(b);
		__asm volatile("cli" ::: "memory");
		cpl = save;
	}
	__asm volatile("sti" ::: "memory");
	return o;
}

int c_spllower_creplay_sti_early(int ncpl)
{
	int o = cpl;
	cpl = ncpl;
	barrier();
	for (;;) {
		__asm volatile("cli" ::: "memory");
		int p = ipending & ~cpl;
		if (p == 0) break;
		int b = __builtin_ctz(p);
		__asm volatile("sti" ::: "memory");
		ipending &= ~(1u << b);    /* RMW with interrupts on */
		int save = cpl;
		cpl = save | spl_of(b);
		run(b);
		cpl = save;
	}
	__asm volatile("sti" ::: "memory");
	return o;
}

/* cli without "memory": GCC may hoist the load of ipending above cli */
int c_spllower_creplay_noclob(int ncpl)
{
	int o = nv_cpl;
	nv_cpl = ncpl;
	for (;;) {
		__asm volatile("cli");
		int p = nv_ipending & ~nv_cpl;
		if (p == 0) break;
		int b = __builtin_ctz(p);
		nv_ipending &= ~(1u << b);
		int save = nv_cpl;
		nv_cpl = save | spl_of(b);
		__asm volatile("sti");
		run(b);
		__asm volatile("cli");
		nv_cpl = save;
	}
	__asm volatile("sti");
	return o;
}
