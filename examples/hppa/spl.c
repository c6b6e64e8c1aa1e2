/*
 * hppa spl(9) in C, after the design of NetBSD/hp700's intr.h: cpl is the
 * mask of blocked sources, ipending what arrived while blocked.  Lowering
 * stores cpl first, then, with external interrupts masked (EIEM = 0, so no
 * stub can claim a bit between the test and the dispatch), hands what the
 * new cpl lets through to the port's intr_dispatch.
 */
#include "port.h"

/* the compiler must neither cache cpl nor move accesses across this */
#define barrier() __asm volatile("" ::: "memory")

static inline int
get_eiem(void)
{
	int eiem;

	__asm volatile("mfctl %%cr15,%0" : "=r"(eiem) : : "memory");
	return eiem;
}

static inline void
set_eiem(int eiem)
{
	__asm volatile("mtctl %0,%%cr15" : : "r"(eiem) : "memory");
}

int
c_splraise(int ncpl)
{
	int ocpl = cpl;

	cpl = ocpl | ncpl;
	barrier();
	return ocpl;
}

static inline void
replay(int ncpl)
{
	int eiem;

	if ((ipending & ~ncpl) == 0)
		return;
	eiem = get_eiem();
	set_eiem(0);
	if (ipending & ~ncpl)
		intr_dispatch(ncpl, eiem);
	set_eiem(eiem);
}

int
c_spllower(int ncpl)
{
	int ocpl = cpl;

	barrier();
	cpl = ncpl;
	barrier();
	replay(ncpl);
	return ocpl;
}

void
c_splx(int ncpl)
{
	barrier();
	cpl = ncpl;
	barrier();
	replay(ncpl);
}
