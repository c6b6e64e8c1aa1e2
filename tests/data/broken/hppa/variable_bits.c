/*
 * Correct spllowers in C that find the lowest (or highest) pending bit
 * with a variable shift: GCC -O2 -march=1.1 writes 1 << b and p & (1 << b)
 * with the SAR-controlled forms (mtsar; depw,z r,sar,32 = ZVDEP;
 * extrw,s r,sar,32 = VEXTRS; bb,>= r,sar = BVB).  Each one, with EIEM = 0,
 * claims a pending unblocked source (ipending &= ~(1 << b)), runs its
 * handler at ncpl | its spl with EIEM given back, and looks again; like
 * the port's intr_dispatch, in C.  c_spllower is the red team's
 * (/work/redteam3b/hppa/c1.c, F4): it failed no_lost and no_fault while
 * VEXTRS was not modelled.
 */
#include "port.h"

#define barrier() __asm volatile("" ::: "memory")

static inline int
get_eiem(void)
{
	int e;

	__asm volatile("mfctl %%cr15,%0" : "=r"(e) : : "memory");
	return e;
}

static inline void
set_eiem(int e)
{
	__asm volatile("mtctl %0,%%cr15" : : "r"(e) : "memory");
}

#define SPL(name, bit, level, spl, vector) [bit] = spl,
static const int srcspl[32] = { IPLEMU_SOURCES(SPL) };
#define CASE(name, bit, level, spl, vector) case bit: handler_##name(); break;
static void run(int b) { switch (b) { IPLEMU_SOURCES(CASE) } }

/* Lowest pending bit first, p & (1 << b): VEXTRS and ZVDEP. */
void
c_spllower(int ncpl)
{
	int eiem;

	barrier();
	cpl = ncpl;
	barrier();
	if ((ipending & ~ncpl) == 0)
		return;
	eiem = get_eiem();
	set_eiem(0);
	for (;;) {
		int p = ipending & ~ncpl, b;

		if (p == 0)
			break;
		for (b = 0; !(p & (1 << b)); b++)
			;
		ipending &= ~(1 << b);
		cpl = ncpl | srcspl[b];
		set_eiem(eiem);
		run(b);
		set_eiem(0);
	}
	cpl = ncpl;
	set_eiem(eiem);
}

/* Highest pending hardware bit first, then the lowest soft bit (the soft
   bits are this port's top three, in i386's SIR order: softserial 29,
   softnet 30, softclock 31; every pending hardware source before a soft
   one, and a higher soft one before a lower, as handler_priority asks:
   taking the highest soft bit ran softclock ahead of a pending softnet,
   red team 39 E F1), (p >> b) & 1: BVB. */
#define SOFT_BITS ((1u << SRC_SOFTCLOCK_BIT) | (1u << SRC_SOFTNET_BIT) | (1u << SRC_SOFTSERIAL_BIT))

void
c_spllower_highest(int ncpl)
{
	int eiem;

	barrier();
	cpl = ncpl;
	barrier();
	if ((ipending & ~ncpl) == 0)
		return;
	eiem = get_eiem();
	set_eiem(0);
	for (;;) {
		unsigned int p = ipending & ~ncpl;
		int b;

		if (p == 0)
			break;
		if (p & ~SOFT_BITS)
			p &= ~SOFT_BITS;
		else
			p &= -p;		/* the lowest soft bit: the highest soft IPL */
		for (b = 31; !((p >> b) & 1); b--)
			;
		ipending &= ~(1u << b);
		cpl = ncpl | srcspl[b];
		set_eiem(eiem);
		run(b);
		set_eiem(0);
	}
	cpl = ncpl;
	set_eiem(eiem);
}
