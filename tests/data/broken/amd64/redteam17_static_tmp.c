/* splraise keeping the old cpl in a file-static temporary (volatile: the
   author wanted the compiler to "really save it").  BUG: not reentrant: an
   interrupt between the store and the reload whose handler calls splraise
   (every driver's handler does s = splxxx() ... splx(s)) overwrites it, and
   this call returns the handler's cpl: the caller's splx(s) then restores
   the wrong level. */
#include "port.h"
static volatile int saved;
int splraise(int ncpl)
{
	saved = cpl;
	cpl = saved | ncpl;
	return saved;
}
