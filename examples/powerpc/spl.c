/*
 * powerpc spl(9) in C, after macppc extintr.c 1.10.2.7: cpl is the mask of
 * blocked sources, ipending what arrived while blocked; lowering runs
 * what the new mask lets through (do_pending_int, the port's).  `sync;
 * eieio' orders the cpl accesses as extintr.c's do.
 */
#include "port.h"

#define sync_eieio() __asm volatile("sync; eieio" ::: "memory")

int
c_splraise(int ncpl)
{
	int ocpl;

	sync_eieio();
	ocpl = cpl;
	cpl = ocpl | ncpl;
	sync_eieio();
	return ocpl;
}

int
c_spllower(int ncpl)
{
	int ocpl;

	sync_eieio();
	ocpl = cpl;
	cpl = ncpl;
	sync_eieio();
	if (ipending & ~ncpl)
		do_pending_int();
	return ocpl;
}

void
c_splx(int ncpl)
{
	sync_eieio();
	cpl = ncpl;
	sync_eieio();
	if (ipending & ~ncpl)
		do_pending_int();
}
