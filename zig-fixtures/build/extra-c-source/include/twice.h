int add_twice(int a, int b);

enum shape { SHAPE_POINT, SHAPE_TRIANGLE = 3, SHAPE_SQUARE };
struct point { int x; int y; };

int shape_sides(enum shape s);
struct point point_scaled(struct point p, int factor);
const char *shape_name(enum shape s);
