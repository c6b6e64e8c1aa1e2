/* CORRECT (unusual style): the example's spllower with a full memory
   barrier (__sync_synchronize(), an "SMP-safe" habit) between the store
   of cpl and the load of ipending.  GCC 12 for hppa-linux makes it an
   ldcw to a free doubleword just above sp (the stack grows upward):
   ldo 15(sp),r19; depw 0 into its low 3 bits; ldcw 0(r19),r19.  On one
   CPU a barrier changes nothing.  Should hold. */
#include "port.h"
static inline int get_eiem(void) { int e; __asm volatile("mfctl %%cr15,%0" : "=r"(e) : : "memory"); return e; }
static inline void set_eiem(int e) { __asm volatile("mtctl %0,%%cr15" : : "r"(e) : "memory"); }
void
c_spllower(int ncpl)
{
	int eiem;

	cpl = ncpl;
	__sync_synchronize();
	if ((ipending & ~ncpl) == 0)
		return;
	eiem = get_eiem();
	set_eiem(0);
	if (ipending & ~ncpl)
		intr_dispatch(ncpl, eiem);
	set_eiem(eiem);
}
