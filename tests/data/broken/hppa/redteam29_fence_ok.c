/* CORRECT (unusual style): the example's spllower with a full memory
   barrier (an "SMP-safe" habit) between the store of cpl and the load of
   ipending, written as NetBSD/hppa writes one: `sync` (hppa lock.h
   __sync(), before the store that releases a simple lock).  On one CPU a
   barrier changes nothing.  Should hold.  (Red team 29 G wrote it with
   GCC's __sync_synchronize(), an LDCW of an 8-byte aligned stack slot:
   undefined on PA-RISC 1.1, session43_gcc_fence.c since session 43.) */
#include "port.h"
static inline int get_eiem(void) { int e; __asm volatile("mfctl %%cr15,%0" : "=r"(e) : : "memory"); return e; }
static inline void set_eiem(int e) { __asm volatile("mtctl %0,%%cr15" : : "r"(e) : "memory"); }
static inline void membar_sync(void) { __asm volatile("sync" : : : "memory"); }
void
c_spllower(int ncpl)
{
	int eiem;

	cpl = ncpl;
	membar_sync();
	if ((ipending & ~ncpl) == 0)
		return;
	eiem = get_eiem();
	set_eiem(0);
	if (ipending & ~ncpl)
		intr_dispatch(ncpl, eiem);
	set_eiem(eiem);
}
