fn main() {
    walled_garden::start();
}
