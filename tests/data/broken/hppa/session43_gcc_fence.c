/* BROKEN on the model's PA-RISC 1.1 CPU (session 43; it was red team 29
   G's redteam29_fence_ok.c): the example's spllower with
   __sync_synchronize() between the store of cpl and the load of ipending.
   GCC 12 -march=1.1 makes the barrier an LDCW of a stack slot above sp
   (the stack grows upward): ldo 15(sp),r28; dep r0,31,3,r28 (clear the
   low 3 bits); ldcw 0(r28),r28.  That slot is 8-byte aligned only (sp +
   8 at the 64-byte aligned sp of the call), and PA-RISC 1.1 leaves an
   LDCW whose address is not 16-byte aligned undefined, with no trap
   (HP's note in Linux arch/parisc/include/asm/ldcw.h; only PA 2.0's
   ldcw,co, which GCC's -march=2.0 emits as ldcw,co 0(sp), takes a word
   aligned one).  On one CPU its effect is probably harmless (free stack,
   the value discarded), but the architecture does not say so: fails
   no_fault at the ldcw.  The barrier NetBSD/hppa itself uses is `sync`
   (hppa lock.h __sync()): redteam29_fence_ok.c. */
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
