/*
 * i386 spl(9) in C, after the design of NetBSD 1.6's intr.h: cpl is the
 * mask of blocked sources, ipending what arrived while blocked; lowering
 * replays what the new mask lets through (Xspllower, the port's).
 */
#include "port.h"

/* the compiler must neither cache cpl nor move accesses across this */
#define barrier() __asm volatile("" ::: "memory")

int
c_splraise(int ncpl)
{
	int ocpl = cpl;

	cpl = ocpl | ncpl;
	barrier();
	return ocpl;
}

int
c_spllower(int ncpl)
{
	int ocpl = cpl;

	barrier();
	cpl = ncpl;
	barrier();
	if (ipending & ~ncpl)
		Xspllower();
	return ocpl;
}

void
c_splx(int ncpl)
{
	barrier();
	cpl = ncpl;
	barrier();
	if (ipending & ~ncpl)
		Xspllower();
}
