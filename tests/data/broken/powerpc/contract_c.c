/* C routines that break the spl contract (the red-team pass). */

/* no_lost: cpl and ipending declared without volatile and no barrier
   (port.h declares them volatile): GCC loads ipending before it stores
   cpl, so a source pended in between is never replayed. */
extern int cpl, ipending;
void do_pending_int(void);

int
c_spllower_no_barrier(int ncpl)
{
	int ocpl = cpl;

	cpl = ncpl;
	if (ipending & ~ncpl)
		do_pending_int();
	return ocpl;
}
