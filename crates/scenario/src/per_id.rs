//! One value per id of a closed set (levers, targets): an array indexed by
//! the id enum, defined once for every such set by [`per_id!`].

/// Defines `$name<T>`: one `T` per id of `$id` (an enum with `ALL` and
/// `$count` variants whose discriminants are their positions), indexed by the
/// id, with `from_fn` and `iter` in the ids' order.
macro_rules! per_id {
    ($(#[$doc:meta])* $name:ident, $id:ty, $count:expr) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Default)]
        pub struct $name<T>(pub [T; $count]);

        impl<T> $name<T> {
            /// A value for each id from `f`.
            pub fn from_fn(f: impl FnMut($id) -> T) -> $name<T> {
                $name(<$id>::ALL.map(f))
            }

            /// Each id with its value, in order.
            pub fn iter(&self) -> impl Iterator<Item = ($id, &T)> {
                <$id>::ALL.into_iter().zip(self.0.iter())
            }
        }

        impl<T> std::ops::Index<$id> for $name<T> {
            type Output = T;
            fn index(&self, id: $id) -> &T {
                &self.0[id as usize]
            }
        }

        impl<T> std::ops::IndexMut<$id> for $name<T> {
            fn index_mut(&mut self, id: $id) -> &mut T {
                &mut self.0[id as usize]
            }
        }
    };
}

pub(crate) use per_id;
