/* alpha C routines of the second red-team pass (tests/test_contract.py). */
#include "port.h"

/* returns_previous: the PAL calls written without their clobber list
   (NetBSD alpha_cpu.h 1.43 names $1, $22-$25 and a0): GCC keeps the
   current IPL in $1 across the swpipl, which PALcode changes. */
static inline long
rdps_no_clobbers(void)
{
	register long v0 __asm("$0");

	__asm volatile("call_pal 0x36" : "=r"(v0));
	return v0;
}

static inline void
swpipl_no_clobbers(long ipl)
{
	register long a0 __asm("$16") = ipl;

	__asm volatile("call_pal 0x35" : : "r"(a0) : "$0");
}

int
c_splraise_no_clobbers(int s)
{
	long cur = rdps_no_clobbers() & 7;

	if (s > cur)
		swpipl_no_clobbers(s);
	return cur;
}

/* Correct: the clobbers as NetBSD writes them, and a raise computed as
   max(s, cur) with one swpipl always. */
#define PAL_CLOBBERS "$1", "$22", "$23", "$24", "$25", "memory"

static inline long
swpipl(long ipl)
{
	register long a0 __asm("$16") = ipl;
	register long v0 __asm("$0");

	__asm volatile("call_pal 0x35" : "=r"(v0), "+r"(a0) : : PAL_CLOBBERS);
	return v0;
}

static inline long
rdps(void)
{
	register long v0 __asm("$0");

	__asm volatile("call_pal 0x36" : "=r"(v0) : : PAL_CLOBBERS);
	return v0;
}

int
c_splraise_max_ok(int s)
{
	long cur = rdps() & 7;

	return swpipl(s > cur ? s : cur);
}

/* Correct: counts its calls in a static int of its own (.bss, where the
   linker's __bss_start also points) with __atomic_fetch_add, which GCC
   compiles to an ldl_l/addl/stl_c/beq retry loop (Alpha ARM §4.2.4,
   §4.2.5), then lowers with one swpipl, or, to IPL 0, with the port's
   spl0, which runs the soft interrupts pending in ssir first. */
static int c_spllower_calls;

int
c_spllower_atomic_ok(int s)
{
	__atomic_fetch_add(&c_spllower_calls, 1, __ATOMIC_RELAXED);
	if (s == 0)
		return spl0();
	return swpipl(s);
}
