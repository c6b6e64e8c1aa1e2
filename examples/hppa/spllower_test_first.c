/*
 * The order NetBSD/hp700's locore spllower used: look at ipending first,
 * store cpl after.  A source that arrives between the two, blocked by the
 * old cpl and not by the new one, is pended by its stub and left behind.
 */
#include "port.h"

#define barrier() __asm volatile("" ::: "memory")

int
c_spllower(int ncpl)
{
	int ocpl = cpl;
	int unblocked = ipending & ~ncpl;

	barrier();
	cpl = ncpl;
	barrier();
	if (unblocked) {
		int eiem;

		__asm volatile("mfctl %%cr15,%0" : "=r"(eiem) : : "memory");
		__asm volatile("mtctl %0,%%cr15" : : "r"(0) : "memory");
		intr_dispatch(ncpl, eiem);
		__asm volatile("mtctl %0,%%cr15" : : "r"(eiem) : "memory");
	}
	return ocpl;
}
